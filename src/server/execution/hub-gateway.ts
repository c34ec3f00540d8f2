import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { execute, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { ServedSchema } from '../../core/graphql/served-schema';
import { compiledExecutor } from './compiled-executor';

/**
 * Apollo Server's executor hook (its `gateway` option). Apollo keeps the whole request pipeline
 * (parsing and validation with its document cache, plugins, limits, error formatting, HTTP
 * status); only execution is the hub's: an operation on the hub's own schema runs compiled by
 * graphql-jit, one that reads a remote department's fields runs through graphql-js on the stitched
 * schema (stitching's delegation relies on graphql-js's resolve info). With remote departments
 * the schema changes while the server runs, and this is also how Apollo 5 is told of each new one.
 */
export function hubGateway(own: GraphQLSchema, served?: ServedSchema): GatewayInterface {
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  const compiled = compiledExecutor(own);
  let unsubscribe: (() => void) | undefined;
  // coreSupergraphSdl is for Apollo's usage reporting to a federated graph, which the hub has none of.
  const tell = (schema: GraphQLSchema) => listeners.forEach((listener) => listener({ apiSchema: schema, coreSupergraphSdl: '' }));
  const executor: GatewayExecutor = async (request) => {
    const schema = served ? served.forDocument(request.document) : own;
    if (schema === own) return compiled(request);
    const { document, request: http, context: contextValue } = request;
    return execute({ schema, document, contextValue, variableValues: http.variables, operationName: http.operationName }) as Promise<ExecutionResult>;
  };
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      tell(served?.current() ?? own);
      unsubscribe = served?.onChange(tell);
      return { executor };
    },
    async stop() {
      unsubscribe?.();
      listeners.clear();
    },
  };
}
