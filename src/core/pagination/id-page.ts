import type { ConnectionShape } from './connection';
import { decodeCursor, encodeCursor } from './cursor';

/** An edge whose cursor is encoded when it is asked for: most pages ask for the nodes only. */
class IdEdge<T extends { id: number }> {
  constructor(
    private readonly list: string,
    readonly node: T,
  ) {}

  get cursor(): string {
    return encodeCursor(this.list, this.node.id);
  }
}

/**
 * Keyset pagination in id order: the page after `after` is `id > cursor ORDER BY id LIMIT first + 1`
 * (the extra row tells whether there is a next page). Stable under inserts, unlike OFFSET.
 */
export async function pageById<T extends { id: number }>(options: {
  list: string;
  first: number;
  after?: string | null;
  fetch: (afterId: number, limit: number) => Promise<T[]>;
  count: () => Promise<number>;
}): Promise<ConnectionShape<T>> {
  const afterId = options.after ? decodeCursor(options.list, options.after) : 0;
  const [rows, totalCount] = await Promise.all([options.fetch(afterId, options.first + 1), options.count()]);
  const page = rows.slice(0, options.first);
  const edges = page.map((node) => new IdEdge(options.list, node));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > options.first,
      hasPreviousPage: afterId > 0,
      startCursor: page.length > 0 ? encodeCursor(options.list, page[0].id) : null,
      endCursor: page.length > 0 ? encodeCursor(options.list, page[page.length - 1].id) : null,
    },
  };
}
