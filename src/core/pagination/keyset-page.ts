import type { ConnectionShape } from './connection';
import { decodeKeysetCursor, encodeKeysetCursor, type CursorKey } from './keyset-cursor';

/**
 * Keyset pagination over a list ordered by several keys (e.g. startsAt, id): the page after a
 * cursor is fetched with `(k1, k2) > cursor`, `first + 1` rows telling whether another follows.
 */
export async function pageByKeys<T>(options: {
  list: string;
  first: number;
  after?: string | null;
  keysOf: (node: T) => number[];
  /** What each key is, in order: a forged cursor with an impossible key is refused. */
  keys: readonly CursorKey[];
  fetch: (afterKeys: number[] | null, limit: number) => Promise<T[]>;
  count: () => Promise<number>;
}): Promise<ConnectionShape<T>> {
  const afterKeys = options.after ? decodeKeysetCursor(options.list, options.after, options.keys) : null;
  const [rows, totalCount] = await Promise.all([options.fetch(afterKeys, options.first + 1), options.count()]);
  const edges = rows.slice(0, options.first).map((node) => ({ node, cursor: encodeKeysetCursor(options.list, options.keysOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > options.first,
      hasPreviousPage: afterKeys !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
