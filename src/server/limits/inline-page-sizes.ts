import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { PAGE_SIZE_ARGUMENTS } from './page-size-rule';

/**
 * The document with `first: $n` replaced by the value of `$n` (or its default), so that the
 * page-size rule and graphql-armor's cost, which read only literals, see the real page sizes.
 * Used for those checks only; the operation executes as it was sent.
 */
export function inlinePageSizes(document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  return visit(document, {
    Argument(node) {
      if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const name = node.value.name.value;
      const given = variables?.[name];
      if (typeof given === 'number' && Number.isInteger(given)) {
        return { ...node, value: { kind: Kind.INT, value: String(given) } };
      }
      const fallback = defaults.get(name);
      return fallback?.kind === Kind.INT ? { ...node, value: fallback } : undefined;
    },
  });
}

/** The variables that `inlinePageSizes` reads: those given to a page-size argument. */
export function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (PAGE_SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}
