import { getOperationAST, getVariableValues, GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { Viewer } from '../core/auth/viewer';
import { ErrorCode } from '../core/errors/error-codes';
import { HubError } from '../core/errors/hub-errors';
import type { HubContext } from '../core/graphql/hub-context';
import type { CheckedDocuments } from './limits/checked-documents';
import type { OperationLimits } from './limits/operation-limits';
import { AddressOverBudgetError } from './rate-limit/address-over-budget-error';
import { CLOSE_FORBIDDEN, CLOSE_TOO_MANY_REQUESTS } from './ws-close-codes';

export interface WsOperationAdmissionOptions {
  schema: GraphQLSchema;
  limits: OperationLimits;
  /** Parsed and validated documents of the schema, by their text. */
  documents: CheckedDocuments;
  maxOperationsPerSocket: number;
  /** Re-checks the socket's credential and takes one from the rate limit. */
  admit: (authorization: string | undefined, address: string | undefined) => Promise<Viewer>;
  context: (viewer: Viewer) => HubContext;
}

export interface SocketState {
  authorization?: string;
  address?: string;
  /** Operations running on the socket, this one included. */
  running: number;
}

/** The outcome for one operation: run it, refuse it, or refuse it and close the socket. */
export type Admission =
  | { kind: 'run'; args: ExecutionArgs & { contextValue: HubContext } }
  | { kind: 'refuse'; errors: GraphQLError[]; close?: { code: number; reason: string } };

/**
 * Everything an operation on a socket passes before it runs: the per-socket bound, the
 * credential again (a key revoked since the socket opened stops here), the rate limit, then
 * parse (tokens), validation (depth, aliases, directives) and page sizes and cost — the same
 * checks as on HTTP.
 */
export async function admitWsOperation(options: WsOperationAdmissionOptions, socket: SocketState, payload: SubscribePayload): Promise<Admission> {
  const { limits, schema } = options;
  if (socket.running > options.maxOperationsPerSocket) {
    return refuse(
      new HubError(
        ErrorCode.RATE_LIMITED,
        `this connection already has ${options.maxOperationsPerSocket} operations running, the most one connection may have: complete one before starting another`,
        { limit: options.maxOperationsPerSocket },
      ),
    );
  }
  let viewer: Viewer;
  try {
    viewer = await options.admit(socket.authorization, socket.address);
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    // A credential that no longer checks out closes the socket, as at connect: 4429 once its
    // address is past its budget, else 4403.
    if (error instanceof AddressOverBudgetError) return { kind: 'refuse', errors: [error], close: { code: CLOSE_TOO_MANY_REQUESTS, reason: error.message } };
    if (error.extensions.code !== ErrorCode.UNAUTHENTICATED) return refuse(error);
    return { kind: 'refuse', errors: [error], close: { code: CLOSE_FORBIDDEN, reason: error.message } };
  }
  let checked;
  try {
    checked = options.documents.check(payload.query);
  } catch (error) {
    return refuse(asBadUserInput(error));
  }
  const { document } = checked;
  if (checked.errors.length > 0) return { kind: 'refuse', errors: checked.errors.map(asBadUserInput) };
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    const problem = payload.operationName ? `there is no operation named "${payload.operationName}"` : 'the document holds several operations: name the one to run';
    return refuse(new GraphQLError(problem, { extensions: { code: ErrorCode.BAD_USER_INPUT } }));
  }
  // Variables of the wrong type are the caller's mistake; graphql-js would report them without a code.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
  if (coerced.errors) return { kind: 'refuse', errors: coerced.errors.map(asBadUserInput) };
  const tooCostly = limits.checkCost(schema, document, payload.variables ?? undefined);
  if (tooCostly.length > 0) return { kind: 'refuse', errors: [...tooCostly] };
  return {
    kind: 'run',
    args: {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: options.context(viewer),
    },
  };
}

function refuse(error: GraphQLError): Admission {
  return { kind: 'refuse', errors: [error] };
}

/** Parse and validation errors are the caller's to fix. */
function asBadUserInput(error: unknown): GraphQLError {
  if (!(error instanceof GraphQLError)) throw error;
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: ErrorCode.BAD_USER_INPUT } });
}
