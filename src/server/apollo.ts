import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { HubContext } from '../core/graphql/hub-context';
import type { ServedSchema } from '../core/graphql/served-schema';
import type { Logger } from '../core/logging/logger';
import { hubGateway } from './execution/hub-gateway';
import { formatHubError } from './format-hub-error';
import { operationCostPlugin } from './limits/operation-cost-plugin';
import type { OperationLimits } from './limits/operation-limits';

export interface ApolloOptions {
  /** The hub's own schema. */
  schema: GraphQLSchema;
  /** With remote departments: the stitched schema, which changes while the server runs. */
  served?: ServedSchema;
  development: boolean;
  introspection: boolean;
  /** Depth, aliases, directives, tokens, page sizes and cost: the same checks as over graphql-ws. */
  limits: OperationLimits;
  /** Above 1, a POST may carry an array of up to this many operations. */
  maxBatchOperations: number;
  logger: Logger;
  /** More plugins, e.g. the request metrics. */
  plugins?: ApolloServerPlugin<HubContext>[];
}

/**
 * Apollo Server for the HTTP endpoint. Errors that are not the hub's own (a database failure,
 * a bug) reach the caller as INTERNAL_SERVER_ERROR without their text, which may hold SQL.
 */
export function createApollo({ schema, served, development, introspection, limits, maxBatchOperations, logger, plugins = [] }: ApolloOptions): ApolloServer<HubContext> {
  return new ApolloServer<HubContext>({
    gateway: hubGateway(schema, served),
    // Introspection is refused by a rule in `limits` when it is off, alike on HTTP and graphql-ws.
    introspection: true,
    // The hub stops Apollo itself, after the requests in flight are answered.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: maxBatchOperations > 1,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Unused cache hints cost ~40 % on list-heavy queries; the IDE is served by the hub itself.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), operationCostPlugin(limits), ...plugins],
    formatError: (formatted, error) => formatHubError(formatted, error, { development, hideSchema: !introspection, logger }),
  });
}
