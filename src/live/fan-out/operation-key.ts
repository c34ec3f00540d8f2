import { print, type DocumentNode, type ExecutionArgs } from 'graphql';

/**
 * Which subscriptions may share one execution per event: the same document, operation,
 * variables and role see exactly the same result.
 */
export function operationKey(args: ExecutionArgs, role: string): string {
  return JSON.stringify([printed(args.document), args.operationName ?? null, stableJson(args.variableValues ?? {}), role]);
}

// Subscribers of one query text get the same document object (src/server/limits/checked-documents.ts): print it once.
const printedDocuments = new WeakMap<DocumentNode, string>();

function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
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
