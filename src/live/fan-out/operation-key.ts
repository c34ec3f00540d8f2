import { print, type ExecutionArgs } from 'graphql';

/**
 * Which subscriptions may share one execution per event: the same document, operation,
 * variables and role see exactly the same result.
 */
export function operationKey(args: ExecutionArgs, role: string): string {
  return JSON.stringify([print(args.document), args.operationName ?? null, stableJson(args.variableValues ?? {}), role]);
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are one key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
