import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import type { Executor } from '@graphql-tools/utils';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { HUB_SOURCE } from '../../src/config';
import { ANONYMOUS } from '../../src/core/auth/viewer';
import { SourceRegistry } from '../../src/core/data-sources/source-registry';
import { createHubContext } from '../../src/core/graphql/create-context';
import type { HubServices } from '../../src/core/graphql/hub-context';
import { createLogger } from '../../src/core/logging/logger';
import { remoteSubschema, stitchedSchema } from '../../src/core/remote/remote-schema';
import { ServiceRegistry } from '../../src/core/services/service-registry';
import { departments } from '../../src/departments';
import { sourceDefinitions } from '../../src/hub-source';
import { schemaOf } from '../../src/schema-of';
import { formatHubError } from '../../src/server/format-hub-error';
import { readSourceConfig } from '../../src/core/data-sources/source-config';

const { stitchingDirectivesTypeDefs } = stitchingDirectives();

describe('errors of the hub’s own fields through the stitched schema', () => {
  let stitched: GraphQLSchema;
  beforeAll(async () => {
    const local = await schemaOf(departments);
    const sdl = `${stitchingDirectivesTypeDefs}
      type Hub @key(selectionSet: "{ id }") { id: ID! cultureEvents: [String!]! }
      type Query { _hubsById(ids: [ID!]!): [Hub]! @merge(keyField: "id") festivals: [String!]! }`;
    stitched = stitchedSchema(local, [remoteSubschema(local, { name: 'culture', sdl, executor: (async () => ({ data: { festivals: ['西湖国际博览会'] } })) as Executor })]);
  });

  it('a department that is down is still DEPARTMENT_UNAVAILABLE naming it, and the remote still answers', async () => {
    // A registry whose sources were never opened: every call to civil meets SourceDownError, as in an outage.
    const names = [HUB_SOURCE, ...departments.map((d) => d.name)];
    const configs = Object.fromEntries(names.map((n) => [n, readSourceConfig(n, {}, '/nonexistent')]));
    const sources = new SourceRegistry(configs, sourceDefinitions(departments, configs));
    const registry = new ServiceRegistry();
    // The departments' own settings, as the hub registers them at start (civil's hub index reads its freshness there).
    for (const m of departments) if (m.settings) registry.set(m.settings.key, m.settings.read({}));
    const services = { sources, registry } as unknown as HubServices;
    const result = await execute({ schema: stitched, document: parse('{ hubs(first: 1) { totalCount } festivals }'), contextValue: createHubContext(services, ANONYMOUS) });
    expect(result.data).toEqual({ hubs: null, festivals: ['西湖国际博览会'] });
    const logger = createLogger('silent');
    const formatted = result.errors!.map((e) => formatHubError(e.toJSON(), e, { development: false, hideSchema: false, logger }));
    expect(formatted).toEqual([expect.objectContaining({ path: ['hubs'], extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'civil' } })]);
  });
});
