import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

/** FEED_POLL_MS for this suite: the most the hub index may lag civil's hub table. */
const MAX_AGE_MS = 300;

const NEARBY = /* GraphQL */ `
  query($near: GeoInput!) { nearbyHubs(near: $near, radiusMeters: 2000, first: 100) { distanceMeters hub { id name } } }
`;
const COUNT = /* GraphQL */ `{ hubs(first: 100) { totalCount edges { node { id name } } } }`;

// A field north of 三墩 with no demo hub within 2 km of it.
const FIELD = { lat: 30.43, lng: 120.02 };

/**
 * nearbyHubs and the hub lists answer from an in-memory index of civil's hubs, and a hub's
 * facilities and organizations from memory too; a hub, facility or organization link added,
 * moved or deleted in civil's own database (not through the hub) shows within FEED_POLL_MS.
 */
describeEachDriver('the hub index', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver, env: { FEED_POLL_MS: String(MAX_AGE_MS) } });
  });
  afterAll(() => hub?.close());

  const nearby = async (near: { lat: number; lng: number }) => {
    const { data, errors } = await hub.query(NEARBY, { near });
    expect(errors).toBeUndefined();
    return data.nearbyHubs as { distanceMeters: number; hub: { id: string; name: string } }[];
  };
  const total = async () => {
    const { data, errors } = await hub.query(COUNT, {});
    expect(errors).toBeUndefined();
    return data.hubs.totalCount as number;
  };
  /** Polls until `check` holds; returns how long that took (ms), or throws after `limitMs`. */
  const within = async (limitMs: number, check: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > limitMs) throw new Error(`not seen within ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - started;
  };

  it('shows a hub added, moved and deleted in civil within FEED_POLL_MS', async () => {
    const civil = hub.hub.services.sources.get('civil');
    expect(await nearby(FIELD)).toEqual([]);
    const before = await total();
    // A margin for the query itself on a loaded machine.
    const limit = MAX_AGE_MS + 700;

    await civil.query(
      "INSERT INTO hub (code, name, kind, district, street, address, lat, lng) VALUES ('T-INDEX', '索引测试综合体', 'EMBEDDED', '西湖区', '三墩镇', '', ?, ?)",
      [FIELD.lat + 0.001, FIELD.lng],
    );
    const [{ id }] = await civil.query("SELECT id FROM hub WHERE code = 'T-INDEX'");
    await within(limit, async () => (await nearby(FIELD)).some((f) => f.hub.id === String(id)));
    expect(await total()).toBe(before + 1);
    const [added] = await nearby(FIELD);
    expect(added.hub).toEqual({ id: String(id), name: '索引测试综合体' });
    expect(added.distanceMeters).toBeGreaterThan(100);
    expect(added.distanceMeters).toBeLessThan(120);

    // Moved 1.5 km south of the point: still found, farther.
    await civil.query('UPDATE hub SET lat = ? WHERE id = ?', [FIELD.lat - 0.0135, id]);
    await within(limit, async () => ((await nearby(FIELD))[0]?.distanceMeters ?? 0) > 1_400);
    // Moved out of the radius: gone from this search, still listed.
    await civil.query('UPDATE hub SET lat = ? WHERE id = ?', [FIELD.lat + 0.05, id]);
    await within(limit, async () => (await nearby(FIELD)).length === 0);
    expect(await total()).toBe(before + 1);

    await civil.query('UPDATE hub SET lat = ? WHERE id = ?', [FIELD.lat, id]);
    await within(limit, async () => (await nearby(FIELD)).length === 1);
    await civil.query('DELETE FROM hub WHERE id = ?', [id]);
    await within(limit, async () => (await nearby(FIELD)).length === 0);
    expect(await total()).toBe(before);
    const { data } = await hub.query(`query($id: ID!) { hub(id: $id) { id } }`, { id: String(id) });
    expect(data.hub).toBeNull();
  });

  it('shows a facility and an organization link added, moved and deleted in civil within FEED_POLL_MS', async () => {
    const civil = hub.hub.services.sources.get('civil');
    const limit = MAX_AGE_MS + 700;
    const ROOMS = /* GraphQL */ `query($a: ID!, $b: ID!) {
      a: hub(id: $a) { facilities { id name } organizations { id } }
      b: hub(id: $b) { facilities { id name } organizations { id } }
    }`;
    const rooms = async () => {
      const { data, errors } = await hub.query(ROOMS, { a: '1', b: '2' });
      expect(errors).toBeUndefined();
      return data as Record<'a' | 'b', { facilities: { id: string; name: string }[]; organizations: { id: string }[] }>;
    };
    // Read once, so that both hubs' facilities and organizations are in memory.
    const before = await rooms();

    await civil.query("INSERT INTO facility (hub_id, type, name, floor) VALUES (1, 'OTHER', '缓存测试室', 3)");
    const [{ id }] = await civil.query("SELECT id FROM facility WHERE name = '缓存测试室'");
    const named = (list: { id: string }[]) => list.some((f) => f.id === String(id));
    await within(limit, async () => named((await rooms()).a.facilities));

    await civil.query('UPDATE facility SET hub_id = 2 WHERE id = ?', [id]);
    await within(limit, async () => {
      const now = await rooms();
      return !named(now.a.facilities) && named(now.b.facilities);
    });

    await civil.query('DELETE FROM facility WHERE id = ?', [id]);
    await within(limit, async () => !named((await rooms()).b.facilities));
    expect((await rooms()).a.facilities).toEqual(before.a.facilities);

    const [{ organization }] = await civil.query(
      'SELECT MIN(id) AS organization FROM social_organization WHERE id NOT IN (SELECT organization_id FROM hub_organization WHERE hub_id = 1)',
    );
    const linked = (list: { id: string }[]) => list.some((o) => o.id === String(organization));
    expect(linked(before.a.organizations)).toBe(false);
    await civil.query("INSERT INTO hub_organization (hub_id, organization_id, role) VALUES (1, ?, 'PARTNER')", [organization]);
    await within(limit, async () => linked((await rooms()).a.organizations));
    await civil.query('DELETE FROM hub_organization WHERE hub_id = 1 AND organization_id = ?', [organization]);
    await within(limit, async () => !linked((await rooms()).a.organizations));
    expect(await rooms()).toEqual(before);
  });
});
