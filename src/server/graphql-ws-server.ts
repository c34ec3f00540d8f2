import type { IncomingMessage } from 'node:http';
import { GraphQLSchema, type ExecutionArgs, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Viewer } from '../core/auth/viewer';
import { ErrorCode } from '../core/errors/error-codes';
import { HubError } from '../core/errors/hub-errors';
import type { HubContext } from '../core/graphql/hub-context';
import type { ServedSchema } from '../core/graphql/served-schema';
import type { OperationLimits } from './limits/operation-limits';
import { CheckedDocuments } from './limits/checked-documents';
import type { SubscriptionSharing } from '../live/start-live';
import { graphqlWsSubscriber } from './graphql-ws-subscriber';
import { CLOSE_FORBIDDEN, CLOSE_TOO_MANY_REQUESTS, CLOSE_TRY_AGAIN_LATER, CLOSE_UNAUTHORIZED } from './ws-close-codes';
import { admitWsOperation, type SocketState } from './ws-operation-admission';

export interface GraphQLWsOptions {
  /** A fixed schema, or one that changes while the server runs (remote departments stitched in). */
  schema: GraphQLSchema | ServedSchema;
  /**
   * The socket's credential, from connectionParams.authorization (whatever the client sent);
   * throws a HubError when refused, RATE_LIMITED when its address is over its budget.
   */
  identify: (authorization: unknown, address: string | undefined) => Promise<Viewer>;
  /** Before each operation: the credential again, and the rate limit. */
  admit: (authorization: string | undefined, address: string | undefined) => Promise<Viewer>;
  /** The caller's address for the rate limit, from the upgrade request. */
  addressOf: (request: IncomingMessage) => string | undefined;
  context: (viewer: Viewer) => HubContext;
  limits: OperationLimits;
  maxOperationsPerSocket: number;
  connectionInitTimeoutMs: number;
  formatError: (error: GraphQLError) => GraphQLFormattedError;
  /** Close reasons name internal errors only in development. */
  development: boolean;
  /** Shares one execution per event among the subscribers of one operation (src/live/fan-out). */
  sharing?: SubscriptionSharing;
}

/** The graphql-ws server, and a way to cut off every socket of one API client. */
export interface GraphQLWsServer {
  dispose(): Promise<void>;
  /** Closes the sockets of this client with 4403 (its key was revoked, perhaps on another instance). */
  closeSocketsOf(clientId: number, reason: string): void;
}

/**
 * graphql-ws (`graphql-transport-ws`) on the given ws server. The credential is checked when the
 * socket connects (a bad one closes it with 4403, or with 4429 once its address has refused
 * credentials past its budget) and again before every operation; an anonymous socket asking for
 * what needs a credential is closed with 4401.
 */
export function startGraphQLWs(wsServer: WebSocketServer, options: GraphQLWsOptions): GraphQLWsServer {
  const clientOf = new WeakMap<WebSocket, number>();
  const served = options.schema;
  const currentSchema = served instanceof GraphQLSchema ? () => served : () => served.current();
  const admissionFor = (schema: GraphQLSchema) => ({ ...options, schema, documents: new CheckedDocuments(schema, options.limits) });
  let admission = admissionFor(currentSchema());
  const server = useServer<Record<string, unknown> | undefined, { state?: SocketState }>(
    {
      schema: currentSchema,
      isProd: !options.development,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization ?? undefined;
        const address = options.addressOf(ctx.extra.request);
        try {
          // Guesses at connection_init draw from the same budget as guesses over HTTP.
          const viewer = await options.identify(authorization, address);
          if (viewer.kind === 'client' && viewer.clientId !== null) clientOf.set(ctx.extra.socket, viewer.clientId);
        } catch (error) {
          if (!(error instanceof HubError)) throw error;
          // Closed here, with the reason; graphql-ws would close with a bare "Forbidden".
          const code =
            error.extensions.code === ErrorCode.RATE_LIMITED ? CLOSE_TOO_MANY_REQUESTS : error.extensions.code === ErrorCode.DEPARTMENT_UNAVAILABLE ? CLOSE_TRY_AGAIN_LATER : CLOSE_FORBIDDEN;
          ctx.extra.socket.close(code, closeReason(error.message));
          return false;
        }
        ctx.extra.state = { authorization: typeof authorization === 'string' ? authorization : undefined, address, running: 0 };
        return true;
      },
      async onSubscribe(ctx, id, payload) {
        const state = ctx.extra.state!;
        state.running = Object.keys(ctx.subscriptions).length;
        // A new schema (a remote department's changed): documents checked against the old one are checked again.
        if (admission.schema !== currentSchema()) admission = admissionFor(currentSchema());
        const admitted = await admitWsOperation(admission, state, payload);
        if (admitted.kind === 'run') {
          // An operation that reads no remote department's field runs on the hub's own schema.
          if (!(served instanceof GraphQLSchema)) admitted.args.schema = served.forDocument(admitted.args.document);
          // Sockets of the same operation share one execution per event (src/live/fan-out).
          if (options.sharing) admitted.args.contextValue = options.sharing.bind(admitted.args.contextValue as HubContext, graphqlWsSubscriber(ctx.extra.socket, id));
          return admitted.args;
        }
        if (admitted.close) closeSoon(ctx.extra.socket, admitted.close.code, admitted.close.reason);
        return admitted.errors;
      },
      onNext(ctx, _id, _payload, args, result) {
        if (!result.errors?.length) return undefined;
        const errors = result.errors.map(options.formatError);
        const viewer = (args as ExecutionArgs & { contextValue: HubContext }).contextValue.viewer;
        if (viewer.kind === 'anonymous' && errors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) {
          closeSoon(ctx.extra.socket, CLOSE_UNAUTHORIZED, 'this operation needs a credential: send connectionParams.authorization');
        }
        return { ...result, errors };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(options.formatError),
      subscribe: options.sharing ? (args) => options.sharing!.subscribe(args) : undefined,
    },
    wsServer,
  );
  return {
    async dispose() {
      await server.dispose();
    },
    closeSocketsOf(clientId, reason) {
      for (const socket of wsServer.clients) if (clientOf.get(socket) === clientId) closeSoon(socket, CLOSE_FORBIDDEN, reason);
    },
  };
}

/** Closes after what is queued (the operation's error) has gone out. */
function closeSoon(socket: WebSocket, code: number, reason: string): void {
  setImmediate(() => socket.close(code, closeReason(reason)));
}

/** A close reason holds at most 123 bytes. */
function closeReason(text: string): string {
  return Buffer.from(text).subarray(0, 123).toString('utf8').replace(/\uFFFD$/, '');
}
