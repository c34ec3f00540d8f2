import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { HubContext } from '../../core/graphql/hub-context';
import type { OperationLimits } from './operation-limits';

/** Checks page sizes and cost on HTTP once Apollo knows the operation and its variables. */
export function operationCostPlugin(limits: OperationLimits): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const [refusal] = limits.checkCost(schema, document, request.variables);
          if (refusal) {
            throw new GraphQLError(refusal.message, { nodes: refusal.nodes, extensions: { ...refusal.extensions, http: { status: 400 } } });
          }
        },
      };
    },
  };
}
