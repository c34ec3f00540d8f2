import { isInputObjectType, isLeafType, isListType, isNonNullType, typeFromAST, type GraphQLInputType, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';

/** A default this module cannot write back as a variable's raw value (an input object or a list). */
export class UnwritableDefault extends Error {}

/**
 * The variables as sent, with every input-object field left out that has a default filled in
 * (serialised: the form a caller would send). graphql-jit's variable parsing does not apply
 * input-field defaults; graphql-js's does. With them filled in, both read the same values.
 * Throws UnwritableDefault when a default is not a leaf value.
 */
export function withInputDefaults(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>): Record<string, unknown> {
  let filled: Record<string, unknown> | undefined;
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type || variables[name] === undefined) continue;
    const value = fill(type, variables[name]);
    if (value !== variables[name]) (filled ??= { ...variables })[name] = value;
  }
  return filled ?? variables;
}

function fill(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return fill(type.ofType, value);
  if (isListType(type)) return Array.isArray(value) ? mapChanged(value, (item) => fill(type.ofType, item)) : fill(type.ofType, value);
  if (!isInputObjectType(type) || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | undefined;
  const object = value as Record<string, unknown>;
  for (const field of Object.values(type.getFields())) {
    const given = object[field.name];
    let next: unknown;
    if (given === undefined && field.defaultValue !== undefined) {
      let named = field.type;
      if (isNonNullType(named)) named = named.ofType;
      if (!isLeafType(named)) throw new UnwritableDefault(`${type.name}.${field.name}`);
      next = field.defaultValue === null ? null : named.serialize(field.defaultValue);
    } else {
      next = fill(field.type, given);
    }
    if (next !== given) (copy ??= { ...object })[field.name] = next;
  }
  return copy ?? value;
}

function mapChanged<T>(items: T[], change: (item: T) => unknown): unknown[] {
  let copy: unknown[] | undefined;
  items.forEach((item, i) => {
    const next = change(item);
    if (next !== item) (copy ??= [...items])[i] = next;
  });
  return copy ?? items;
}
