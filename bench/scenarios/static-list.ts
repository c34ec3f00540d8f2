import type { RowDataPacket } from 'mysql2/promise';
import { queryThroughput } from '../query-throughput';
import type { ThroughputScenario } from '../scenario';

/**
 * The framework-only case: the district's 58 hubs × 4 scalar fields, which the hub answers from
 * its in-memory hub index (no SQL), against node:http + JSON.stringify of the same list read once.
 * What it measures is HTTP, Apollo's pipeline, execution and serialisation.
 */
export const staticListQuery: ThroughputScenario = {
  name: 'static-list',
  label: 'hubs(first: 58) { id name street kind }',
  query: `{ hubs(first: 58) { edges { node { id name street kind } } } }`,
  staticBaseline: true,
  async baseline(pools) {
    const [hubs] = await pools.civil.query<RowDataPacket[]>('SELECT id, name, street, kind FROM hub ORDER BY id LIMIT 58');
    return { hubs: { edges: hubs.map((h) => ({ node: { id: String(h.id), name: h.name, street: h.street, kind: h.kind } })) } };
  },
};

export const staticList = queryThroughput(staticListQuery);
