import type { Pool, RowDataPacket } from 'mysql2/promise';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { queryThroughput } from '../query-throughput';
import type { ThroughputScenario } from '../scenario';

let counted: Promise<Map<number, { entered: number; exited: number }>> | undefined;

/**
 * The plain endpoint's live counts, read once from today's 5-minute rollups (the hub's own table)
 * and kept in memory, as the hub keeps its live state: nothing is ingested while queries are measured.
 */
function liveCounts(pools: Record<string, Pool>): Promise<Map<number, { entered: number; exited: number }>> {
  counted ??= pools.hub
    .query<RowDataPacket[]>(
      "SELECT hub_id, SUM(CASE WHEN metric = 'footfall' THEN value ELSE 0 END) AS entered, SUM(CASE WHEN metric = 'exits' THEN value ELSE 0 END) AS exited " +
        "FROM metric_rollup WHERE metric IN ('footfall', 'exits') AND bucket_start >= ? GROUP BY hub_id",
      [startOfLocalDay(new Date())],
    )
    .then(([rows]) => new Map(rows.map((c) => [Number(c.hub_id), { entered: Number(c.entered), exited: Number(c.exited) }])));
  return counted;
}

/** The first page of hubs with their facilities, organizations and live counts. */
export const hubsPageQuery: ThroughputScenario = {
  name: 'hubs-page',
  label: 'hubs(first: 50) { facilities organizations live }',
  query: `{ hubs(first: 50) { edges { node { id name street facilities { id type name } organizations { id name } live { occupancy footfallToday } } } } }`,
  async baseline(pools) {
    const [hubs] = await pools.civil.query<RowDataPacket[]>('SELECT id, name, street FROM hub ORDER BY id LIMIT 50');
    const ids = hubs.map((h) => h.id);
    const [facilities] = await pools.civil.query<RowDataPacket[]>('SELECT id, hub_id, type, name FROM facility WHERE hub_id IN (?) ORDER BY hub_id, floor, id', [ids]);
    const [organizations] = await pools.civil.query<RowDataPacket[]>(
      "SELECT o.id, o.name, l.hub_id FROM hub_organization l JOIN social_organization o ON o.id = l.organization_id WHERE l.hub_id IN (?) ORDER BY l.role = 'OPERATOR' DESC, o.id",
      [ids],
    );
    const live = await liveCounts(pools);
    return {
      hubs: {
        edges: hubs.map((h) => {
          const c = live.get(h.id) ?? { entered: 0, exited: 0 };
          return {
            node: {
              id: String(h.id),
              name: h.name,
              street: h.street,
              facilities: facilities.filter((f) => f.hub_id === h.id).map((f) => ({ id: String(f.id), type: f.type, name: f.name })),
              organizations: organizations.filter((o) => o.hub_id === h.id).map((o) => ({ id: String(o.id), name: o.name })),
              live: { occupancy: Math.max(0, c.entered - c.exited), footfallToday: c.entered },
            },
          };
        }),
      },
    };
  },
};

export const hubsPage = queryThroughput(hubsPageQuery);
