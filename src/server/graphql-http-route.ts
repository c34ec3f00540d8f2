import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage } from 'node:http';
import { countStatements } from '../core/data-sources/statement-count';
import type { Viewer } from '../core/auth/viewer';
import { ErrorCode } from '../core/errors/error-codes';
import { HubError } from '../core/errors/hub-errors';
import type { HubContext } from '../core/graphql/hub-context';
import { sendRefusal } from './http-refusal';
import { legacyJsonStatus } from './legacy-json-status';
import { BodyTooLargeError, readBody } from './read-body';
import type { Route } from './route';
import { sendGraphQLError } from './send';

export interface GraphQLHttpOptions {
  path: string;
  /** Checks the request's credential, once per request; throws a HubError to refuse. */
  identify: (request: IncomingMessage) => Promise<Viewer>;
  /** The largest body this caller may send. */
  bodyLimitBytes: (viewer: Viewer) => number;
  /** How many operations one batched POST may carry. */
  maxBatchOperations: number;
  /** Takes `operations` from the caller's rate limit; throws a HubError to refuse. */
  charge: (request: IncomingMessage, viewer: Viewer, operations: number) => Promise<void>;
  context: (viewer: Viewer) => HubContext;
  /** Serves GET requests that ask for HTML (a browser), e.g. the IDE; others go to Apollo. */
  htmlPage?: Route['handle'];
  /** Tells each response's SQL statements per source in `x-sql-statements` (not in production). */
  statementCountHeader?: boolean;
}

/**
 * GraphQL over HTTP on plain node:http through Apollo's `executeHTTPGraphQLRequest` (faster than
 * the express integration, and a malformed body gets a GraphQL error, not a stack trace).
 */
export function graphqlHttpRoute(apollo: ApolloServer<HubContext>, options: GraphQLHttpOptions): Route {
  return {
    path: options.path,
    async handle(request, response, url) {
      if (request.method === 'GET' && options.htmlPage && !url.search && (request.headers.accept ?? '').includes('text/html')) {
        return options.htmlPage(request, response, url);
      }
      let viewer: Viewer;
      try {
        // Before the body, whose bound depends on who sends it.
        viewer = await options.identify(request);
      } catch (error) {
        if (error instanceof HubError) return sendRefusal(response, error);
        throw error;
      }
      let body: unknown;
      if (request.method === 'POST') {
        let text: string;
        try {
          text = await readBody(request, options.bodyLimitBytes(viewer));
        } catch (error) {
          if (error instanceof BodyTooLargeError) return sendGraphQLError(response, 413, ErrorCode.BAD_USER_INPUT, error.message);
          throw error;
        }
        const type = request.headers['content-type'] ?? '';
        if (type.includes('json')) {
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            return sendGraphQLError(response, 400, ErrorCode.BAD_USER_INPUT, 'the request body is not valid JSON');
          }
        } else {
          body = text;
        }
      }
      const operations = Array.isArray(body) ? body.length : 1;
      if (operations > options.maxBatchOperations) {
        const most = options.maxBatchOperations === 1 ? 'this server takes one operation per request' : `a batch holds at most ${options.maxBatchOperations} operations`;
        return sendGraphQLError(response, 400, ErrorCode.BAD_USER_INPUT, `${most}, this one has ${operations}`);
      }
      try {
        await options.charge(request, viewer, Math.max(1, operations));
      } catch (error) {
        if (error instanceof HubError) return sendRefusal(response, error);
        throw error;
      }

      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const execute = () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
          context: async () => options.context(viewer),
        });
      // Counting runs the request in an AsyncLocalStorage scope: only when the header is wanted.
      const { result, statements } = options.statementCountHeader ? await countStatements(execute) : { result: await execute(), statements: {} };
      for (const [name, value] of result.headers) response.setHeader(name, value);
      if (options.statementCountHeader) {
        response.setHeader('x-sql-statements', Object.entries(statements).map(([source, count]) => `${source}=${count}`).join(', ') || 'none');
      }
      response.statusCode = legacyJsonStatus(result.status ?? 200, result.headers.get('content-type'), result.body);
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    },
  };
}

