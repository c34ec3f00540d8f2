import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** type-graphql's metadata of one `@Field` (its own type is not exported). */
type FieldMetadata = NonNullable<ReturnType<typeof getMetadataStorage>['objectTypes'][number]['fields']>[number];

/**
 * type-graphql gives every `@Field` of an object type a resolver that runs the field's middleware
 * chain (auth checker, middlewares), even when the field has neither: a page of 58 hubs × 4 plain
 * fields ran 232 such chains (profiled). A field with no resolver method, no `@Authorized`, no
 * middleware and its property's own name is a property read: its resolver is taken away, as
 * `@Field({ simple: true })` would, so that graphql-jit reads the property inline. A field with
 * roles or middlewares keeps its chain. Fields a type inherits (a Connection's edges) count as
 * its own, as type-graphql builds them.
 */
export function unwrapPlainFields(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const definitions = [...storage.objectTypes, ...storage.interfaceTypes];
  const byTarget = new Map(definitions.map((d) => [d.target, d]));
  let unwrapped = 0;
  for (const definition of definitions) {
    const type = schema.getType(definition.name);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const fields = type.getFields();
    // The type's own fields first, then each ancestor's: a field declared again below keeps the nearest declaration.
    const metas: FieldMetadata[] = [];
    const chain: Function[] = [];
    for (let target: unknown = definition.target; typeof target === 'function' && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
      chain.push(target);
      for (const meta of byTarget.get(target)?.fields ?? []) if (!metas.some((m) => m.schemaName === meta.schemaName)) metas.push(meta);
    }
    for (const meta of metas) {
      const field = fields[meta.schemaName];
      if (!field?.resolve || meta.schemaName !== meta.name) continue;
      if ((meta.roles?.length ?? 0) > 0 || (meta.middlewares?.length ?? 0) > 0) continue;
      // A resolver method for the field, on the type or any class it extends.
      const resolved = storage.fieldResolvers.some((r) => chain.includes(r.getObjectType?.() as Function) && r.methodName === meta.name);
      if (resolved) continue;
      field.resolve = undefined;
      unwrapped++;
    }
  }
  return unwrapped;
}
