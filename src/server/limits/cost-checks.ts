import type { DocumentNode, GraphQLError } from 'graphql';
import { pageSizeVariables } from './inline-page-sizes';

/** Distinct page-size values kept per document; past that the oldest goes. */
const MAX_PER_DOCUMENT = 32;

/**
 * The page-size and cost verdict of a document depends only on the document and the values of
 * its page-size variables: it is worked out once per (document, those values). Documents are
 * the ones Apollo's document cache and graphql-ws's CheckedDocuments hand out again, so they
 * key a WeakMap and go with them.
 */
export function cachedCostChecks(check: (document: DocumentNode, variables: Record<string, unknown> | undefined) => readonly GraphQLError[]) {
  const cache = new WeakMap<DocumentNode, { names: string[]; verdicts: Map<string, readonly GraphQLError[]> }>();
  return (document: DocumentNode, variables: Record<string, unknown> | undefined): readonly GraphQLError[] => {
    let entry = cache.get(document);
    if (!entry) cache.set(document, (entry = { names: pageSizeVariables(document), verdicts: new Map() }));
    const key = entry.names.length === 0 ? '' : JSON.stringify(entry.names.map((n) => variables?.[n] ?? null));
    const known = entry.verdicts.get(key);
    if (known) return known;
    const verdict = check(document, variables);
    if (entry.verdicts.size >= MAX_PER_DOCUMENT) entry.verdicts.delete(entry.verdicts.keys().next().value!);
    entry.verdicts.set(key, verdict);
    return verdict;
  };
}
