import type { GraphQLSchema } from 'graphql';
import { AuditLogResolver } from './core/audit/audit-log.resolver';
import { ApiKeyResolver } from './core/auth/keys/api-key.resolver';
import { resolversOf, type DepartmentModule } from './core/departments/department-module';
import { buildHubSchema } from './core/graphql/build-hub-schema';
import type { HubPubSub } from './core/pubsub/hub-pubsub';
import { createInProcessPubSub } from './core/pubsub/hub-pubsub';
import { liveResolvers } from './live/live-resolvers';

/** Every resolver of the hub: the departments' and the hub's own. */
export function hubResolvers(modules: readonly DepartmentModule[]): Function[] {
  return [ApiKeyResolver, AuditLogResolver, ...resolversOf(modules), ...liveResolvers];
}

/** The schema the hub serves for these departments. */
export function schemaOf(modules: readonly DepartmentModule[], pubSub: HubPubSub = createInProcessPubSub()): Promise<GraphQLSchema> {
  return buildHubSchema(hubResolvers(modules), pubSub);
}
