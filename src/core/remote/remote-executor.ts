import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { ExecutionRequest, ExecutionResult, Executor } from '@graphql-tools/utils';
import { parse } from 'graphql';
import type { SourceGuard } from '../data-sources/source-guard';
import { SourceDownError } from '../data-sources/source-down-error';
import { DepartmentUnavailableError } from '../errors/hub-errors';
import type { HubContext } from '../graphql/hub-context';
import { CALLER_ROLE_HEADER, callerRoleOf } from './caller-role';
import { checkRemoteReader } from './remote-readers';
import type { RemoteDepartment } from './remote-settings';
import { RemoteUnreachableError } from './remote-unreachable-error';

const PROBE = parse('query HubProbe { __typename }');
const SDL = parse('query HubSdl { _sdl }');

/** How the hub talks to one remote department: operations for callers, its health probe, its SDL. */
export interface RemoteClient {
  /** For the stitched schema: refuses callers below the department's roles, and answers DEPARTMENT_UNAVAILABLE while it is down. */
  executor: Executor;
  /** A trivial operation; throws RemoteUnreachableError when the service does not answer. */
  probe(): Promise<void>;
  /** The SDL it serves as `{ _sdl }`, stitching directives included. */
  sdl(): Promise<string>;
}

/**
 * The remote's HTTP executor (@graphql-tools/executor-http). Every request carries the hub's own
 * credential there (`<NAME>_REMOTE_AUTHORIZATION`) and the caller's role in `x-hub-caller-role`;
 * nothing of the caller's request — its key or token least of all — is forwarded. Calls for callers
 * go through the department's guard, so failures open its breaker like a database's would.
 */
export function remoteClient(department: RemoteDepartment, guard: SourceGuard, timeoutMs: number): RemoteClient {
  const http = buildHTTPExecutor({
    endpoint: department.url,
    fetch: ((input: string | URL | Request, init?: RequestInit) => fetchOrOutage(department.name, timeoutMs, input, init)) as typeof fetch,
    headers: (request) => ({
      ...(department.authorization ? { authorization: department.authorization } : {}),
      [CALLER_ROLE_HEADER]: callerRoleOf((request?.context as HubContext | undefined)?.viewer),
    }),
  });
  const send = async (request: ExecutionRequest): Promise<ExecutionResult> => {
    const result = (await http(request)) as ExecutionResult;
    const outage = result.errors?.find((e) => e.originalError instanceof RemoteUnreachableError);
    if (outage) throw outage.originalError;
    return result;
  };
  return {
    executor: async (request) => {
      const context = request.context as HubContext | undefined;
      if (context) checkRemoteReader(context.viewer, department);
      try {
        return await guard.run(() => send(request));
      } catch (error) {
        if (error instanceof SourceDownError) return { errors: [new DepartmentUnavailableError(department.name)] };
        throw error;
      }
    },
    async probe() {
      const result = await send({ document: PROBE });
      if (result.errors?.length) throw new Error(`the ${department.name} service refused the probe: ${result.errors[0].message}`);
    },
    async sdl() {
      const result = await send({ document: SDL });
      const sdl = (result.data as { _sdl?: unknown } | undefined)?._sdl;
      if (typeof sdl !== 'string') {
        throw new Error(`the ${department.name} service gave no SDL at { _sdl }${result.errors?.length ? `: ${result.errors[0].message}` : ''}`);
      }
      return sdl;
    },
  };
}

/** fetch, with a timeout; a request that gets no answer (or a proxy's 502–504) throws RemoteUnreachableError. */
async function fetchOrOutage(department: string, timeoutMs: number, input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(input, { ...init, signal });
  } catch (error) {
    throw new RemoteUnreachableError(department, error);
  }
  if (response.status >= 502 && response.status <= 504) throw new RemoteUnreachableError(department, new Error(`HTTP ${response.status}`));
  return response;
}
