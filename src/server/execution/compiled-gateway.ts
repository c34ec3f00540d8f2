import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { compiledExecutor } from './compiled-executor';

/**
 * Apollo Server's executor hook (its `gateway` option) for a schema that never changes while the
 * hub runs: Apollo keeps the whole request pipeline (parsing and validation with its document
 * cache, plugins, limits, error formatting, HTTP status); only execution is the compiled one.
 */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    async load() {
      return { schema, executor: compiledExecutor(schema) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
