import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute } from 'graphql';
import type { ServedSchema } from '../core/graphql/served-schema';
import type { HubContext } from '../core/graphql/hub-context';

type Gateway = ApolloServerOptionsWithGateway<HubContext>['gateway'];

/**
 * Apollo Server takes a schema that changes while it runs only through its gateway interface: this
 * one hands Apollo the served schema, then each new one, so that plugins, validation rules and
 * limits run on the current schema as on a fixed one. It executes each operation on the schema the
 * served schema picks for its document: the hub's own when it reads no remote field.
 */
export function schemaGateway(served: ServedSchema): Gateway {
  const listeners = new Set<Parameters<Gateway['onSchemaLoadOrUpdate']>[0]>();
  let unsubscribe: (() => void) | undefined;
  const tell = (schema: ReturnType<ServedSchema['current']>) => {
    // coreSupergraphSdl is for Apollo's usage reporting to a federated graph, which the hub has none of.
    for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
  };
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      tell(served.current());
      unsubscribe = served.onChange(tell);
      return {
        executor: async (request) =>
          execute({
            schema: served.forDocument(request.document),
            document: request.document,
            variableValues: request.request.variables,
            operationName: request.request.operationName,
            contextValue: request.context,
          }) as Promise<Awaited<ReturnType<typeof execute>>>,
      };
    },
    async stop() {
      unsubscribe?.();
      listeners.clear();
    },
  };
}
