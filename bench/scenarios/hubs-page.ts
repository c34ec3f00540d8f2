import type { RowDataPacket } from 'mysql2/promise';
import { queryThroughput } from '../query-throughput';

/** The first page of hubs with their facilities and organizations. */
export const hubsPage = queryThroughput({
  name: 'hubs-page',
  label: 'hubs(first: 50) { facilities organizations }',
  query: `{ hubs(first: 50) { edges { node { id name street facilities { id type name } organizations { id name } } } } }`,
  async baseline(pools) {
    const [hubs] = await pools.civil.query<RowDataPacket[]>('SELECT id, name, street FROM hub ORDER BY id LIMIT 50');
    const ids = hubs.map((h) => h.id);
    const [facilities] = await pools.civil.query<RowDataPacket[]>('SELECT id, hub_id, type, name FROM facility WHERE hub_id IN (?) ORDER BY hub_id, floor, id', [ids]);
    const [organizations] = await pools.civil.query<RowDataPacket[]>(
      "SELECT o.id, o.name, l.hub_id FROM hub_organization l JOIN social_organization o ON o.id = l.organization_id WHERE l.hub_id IN (?) ORDER BY l.role = 'OPERATOR' DESC, o.id",
      [ids],
    );
    return {
      hubs: {
        edges: hubs.map((h) => ({
          node: {
            id: String(h.id),
            name: h.name,
            street: h.street,
            facilities: facilities.filter((f) => f.hub_id === h.id).map((f) => ({ id: String(f.id), type: f.type, name: f.name })),
            organizations: organizations.filter((o) => o.hub_id === h.id).map((o) => ({ id: String(o.id), name: o.name })),
          },
        })),
      },
    };
  },
});
