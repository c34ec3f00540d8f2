import type { SubschemaConfig } from '@graphql-tools/delegate';
import { stitchSchemas } from '@graphql-tools/stitch';
import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import { MapperKind, mapSchema, type Executor } from '@graphql-tools/utils';
import { FilterRootFields } from '@graphql-tools/wrap';
import { buildSchema, getNullableType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';

/** The one type the hub shares with remote departments, merged by its id. */
export const MERGED_TYPE = 'Hub';

/** One remote department's part of the stitched schema. */
export interface RemotePart {
  name: string;
  sdl: string;
  executor: Executor;
}

const { stitchingDirectivesTransformer } = stitchingDirectives();

/**
 * Checks a remote's SDL and makes it a subschema: it must build, may add fields to `Hub` (merged
 * by id, in the stitching-directives convention: `type Hub @key(selectionSet: "{ id }")` and a
 * `@merge(keyField: "id")` query) and queries and types of its own, but may not redefine anything
 * else of the hub's. Throws an Error naming what is wrong.
 *
 * Its root fields and the fields it adds to `Hub` become nullable here: while the department is
 * down they answer null with DEPARTMENT_UNAVAILABLE on their own path, and the rest of the
 * response (the hub itself) stays. Root fields starting with `_` (`_sdl`, the merge queries) and
 * subscriptions (the hub reaches a remote over HTTP only) stay out of the hub's schema.
 */
export function remoteSubschema(local: GraphQLSchema, part: RemotePart): SubschemaConfig {
  let remote: GraphQLSchema;
  try {
    remote = buildSchema(part.sdl);
  } catch (error) {
    throw new Error(`the ${part.name} department's SDL does not build: ${(error as Error).message}`);
  }
  const remoteRoots = { query: remote.getQueryType()?.name, mutation: remote.getMutationType()?.name };
  for (const [name, type] of Object.entries(remote.getTypeMap())) {
    if (name.startsWith('__') || name === remoteRoots.query || name === remoteRoots.mutation) continue;
    const mine = local.getType(name);
    if (!mine) continue;
    if (isScalarType(type) && isScalarType(mine)) continue;
    if (name === MERGED_TYPE && isObjectType(type) && isObjectType(mine)) continue;
    throw new Error(`the ${part.name} department's SDL redefines the hub's type ${name}: a remote may add fields to ${MERGED_TYPE} and types of its own`);
  }
  for (const [root, localRoot] of [
    [remote.getQueryType(), local.getQueryType()],
    [remote.getMutationType(), local.getMutationType()],
  ] as const) {
    for (const field of Object.keys(root?.getFields() ?? {})) {
      if (localRoot?.getFields()[field]) throw new Error(`the ${part.name} department's SDL redefines the hub's ${localRoot.name}.${field}`);
    }
  }
  const localHubFields = (local.getType(MERGED_TYPE) as { getFields?: () => Record<string, unknown> } | undefined)?.getFields?.() ?? {};
  const remoteHub = remote.getType(MERGED_TYPE);
  const remoteHubFields = remoteHub && isObjectType(remoteHub) ? Object.keys(remoteHub.getFields()) : [];
  for (const field of remoteHubFields) {
    // Its key is the one field of the hub's a remote declares: the rest of a hub is the hub's to answer.
    if (field !== 'id' && field in localHubFields) throw new Error(`the ${part.name} department's SDL redefines the hub's ${MERGED_TYPE}.${field}`);
  }
  const relaxed = mapSchema(remote, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const added = typeName === MERGED_TYPE && !(fieldName in localHubFields);
      const root = (typeName === remoteRoots.query || typeName === remoteRoots.mutation) && !fieldName.startsWith('_');
      return added || root ? { ...config, type: getNullableType(config.type) } : config;
    },
  });
  const subschema = stitchingDirectivesTransformer({
    name: part.name,
    schema: relaxed,
    executor: part.executor,
    batch: true,
    transforms: [new FilterRootFields((operation, fieldName) => operation !== 'Subscription' && !fieldName.startsWith('_'))],
  });
  if (remoteHubFields.some((f) => f !== 'id') && !subschema.merge?.[MERGED_TYPE]) {
    throw new Error(`the ${part.name} department's SDL adds fields to ${MERGED_TYPE} without saying how to find its hubs: mark it @key(selectionSet: "{ id }") and a query @merge(keyField: "id")`);
  }
  return subschema;
}

/**
 * The hub's schema with the remote departments stitched in (@graphql-tools/stitch, type merging
 * on `Hub` by id). The hub's own schema is a local subschema: its resolvers, auth and loaders run
 * as they do without remotes; a remote's `Hub` is completed from `hub(id)`.
 */
export function stitchedSchema(local: GraphQLSchema, remotes: readonly SubschemaConfig[]): GraphQLSchema {
  const hub: SubschemaConfig = {
    name: 'hub',
    schema: local,
    // The hubs a remote returns are completed in one execution of the hub's schema, not one per hub.
    batch: true,
    merge: { [MERGED_TYPE]: { selectionSet: '{ id }', fieldName: 'hub', args: (original: { id: string }) => ({ id: original.id }) } },
  };
  return stitchSchemas({ subschemas: [hub, ...remotes], mergeTypes: true });
}
