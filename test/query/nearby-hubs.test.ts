import { convertPoint } from '../../src/core/geo/convert';
import { CoordSystem } from '../../src/core/geo/coord-system';
import { greatCircleMeters } from '../../src/core/geo/great-circle';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const NEARBY = /* GraphQL */ `
  query Nearby($near: GeoInput!, $radiusMeters: Float, $first: Int, $facility: FacilityType) {
    nearbyHubs(near: $near, radiusMeters: $radiusMeters, first: $first, facility: $facility) {
      distanceMeters
      hub { id name location { lat lng } facilities { type } }
    }
  }
`;

// A phone on the plaza in front of 三墩镇民生综合体 (the hub is stored at WGS-84 30.3291, 120.0952).
const PHONE_WGS84 = { lat: 30.3288, lng: 120.0951 };

interface Found {
  distanceMeters: number;
  hub: { id: string; name: string; location: { lat: number; lng: number }; facilities: { type: string }[] };
}

/** How old the hub index may be (FEED_POLL_MS): a hub moved in civil's database shows after this. */
const INDEX_MAX_AGE_MS = 200;

describeEachDriver('nearbyHubs', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver, env: { FEED_POLL_MS: String(INDEX_MAX_AGE_MS) } });
  });
  afterAll(() => hub?.close());

  const nearby = async (variables: Record<string, unknown>): Promise<Found[]> => {
    const { data, errors } = await hub.query(NEARBY, variables);
    expect(errors).toBeUndefined();
    return data.nearbyHubs;
  };
  const phoneIn = (coordSystem: CoordSystem) => ({ ...convertPoint(PHONE_WGS84, CoordSystem.WGS84, coordSystem), coordSystem });

  it('gives a phone in 三墩 reporting WeChat (GCJ-02) coordinates 三墩镇民生综合体 first, about 35 m away', async () => {
    const found = await nearby({ near: phoneIn(CoordSystem.GCJ02), radiusMeters: 3000, first: 5 });
    expect(found[0].hub.name).toBe('三墩镇民生综合体');
    expect(found[0].distanceMeters).toBeCloseTo(greatCircleMeters(PHONE_WGS84, { lat: 30.3291, lng: 120.0952 }), 0);
    expect(found[0].distanceMeters).toBeLessThan(50);
    // Nearest first, each within the radius, and the distances are the stored points' true distances.
    for (let i = 1; i < found.length; i++) expect(found[i].distanceMeters).toBeGreaterThanOrEqual(found[i - 1].distanceMeters);
    for (const f of found) {
      expect(f.distanceMeters).toBeLessThanOrEqual(3000);
      expect(Math.abs(f.distanceMeters - greatCircleMeters(PHONE_WGS84, f.hub.location))).toBeLessThan(1);
    }
  });

  it('gives the same order and distances within a metre for the same point in WGS-84, GCJ-02 and BD-09', async () => {
    const [wgs, gcj, bd] = await Promise.all(
      [CoordSystem.WGS84, CoordSystem.GCJ02, CoordSystem.BD09].map((system) => nearby({ near: phoneIn(system), radiusMeters: 5000, first: 20 })),
    );
    expect(wgs.length).toBeGreaterThan(3);
    for (const other of [gcj, bd]) {
      expect(other.map((f) => f.hub.id)).toEqual(wgs.map((f) => f.hub.id));
      other.forEach((f, i) => expect(Math.abs(f.distanceMeters - wgs[i].distanceMeters)).toBeLessThan(1));
    }
  });

  it('puts the phone hundreds of metres off when GCJ-02 coordinates are sent as WGS-84 (why coordSystem matters)', async () => {
    const gcj = phoneIn(CoordSystem.GCJ02);
    const [wrong] = await nearby({ near: { lat: gcj.lat, lng: gcj.lng, coordSystem: 'WGS84' }, first: 1 });
    expect(wrong.distanceMeters).toBeGreaterThan(300);
  });

  it('keeps to the radius and to first, and filters by facility type', async () => {
    const all = await nearby({ near: phoneIn(CoordSystem.WGS84), radiusMeters: 50_000, first: 100 });
    expect(all).toHaveLength(58); // the whole district lies within 50 km of 三墩
    const small = await nearby({ near: phoneIn(CoordSystem.WGS84), radiusMeters: 1500, first: 100 });
    expect(small.length).toBeLessThan(all.length);
    expect(small.map((f) => f.hub.id)).toEqual(all.filter((f) => f.distanceMeters <= 1500).map((f) => f.hub.id));
    expect(await nearby({ near: phoneIn(CoordSystem.WGS84), radiusMeters: 50_000, first: 3 })).toEqual(all.slice(0, 3));
    // Left out or null: 3,000 m and 10 hubs.
    const defaults = await nearby({ near: phoneIn(CoordSystem.WGS84), radiusMeters: null, first: null });
    expect(defaults).toEqual(all.filter((f) => f.distanceMeters <= 3000).slice(0, 10));
    expect(await nearby({ near: phoneIn(CoordSystem.WGS84) })).toEqual(defaults);

    const healthHuts = await nearby({ near: phoneIn(CoordSystem.WGS84), radiusMeters: 50_000, first: 100, facility: 'HEALTH_HUT' });
    expect(healthHuts.length).toBeGreaterThan(0);
    expect(healthHuts.length).toBeLessThan(all.length);
    expect(healthHuts.every((f) => f.hub.facilities.some((x) => x.type === 'HEALTH_HUT'))).toBe(true);
    expect(healthHuts.map((f) => f.hub.id)).toEqual(all.filter((f) => f.hub.facilities.some((x) => x.type === 'HEALTH_HUT')).map((f) => f.hub.id));
  });

  it('breaks equal distances by id', async () => {
    // Two hubs on one parallel, equally far east and west of a point: the same distance.
    const [a, b] = (await nearby({ near: phoneIn(CoordSystem.WGS84), radiusMeters: 50_000, first: 2 })).map((f) => f.hub);
    const source = hub.hub.services.sources.get('civil');
    try {
      await source.query('UPDATE hub SET lat = ?, lng = ? WHERE id = ?', [30.3, 120.01, a.id]);
      await source.query('UPDATE hub SET lat = ?, lng = ? WHERE id = ?', [30.3, 119.99, b.id]);
      await new Promise((r) => setTimeout(r, INDEX_MAX_AGE_MS + 50));
      const tied = await nearby({ near: { lat: 30.3, lng: 120.0 }, radiusMeters: 1200, first: 2 });
      expect(tied.map((f) => f.distanceMeters)).toEqual([tied[0].distanceMeters, tied[0].distanceMeters]);
      expect(tied.map((f) => Number(f.hub.id))).toEqual([Number(a.id), Number(b.id)].sort((x, y) => x - y));
    } finally {
      await source.query('UPDATE hub SET lat = ?, lng = ? WHERE id = ?', [a.location.lat, a.location.lng, a.id]);
      await source.query('UPDATE hub SET lat = ?, lng = ? WHERE id = ?', [b.location.lat, b.location.lng, b.id]);
    }
  });

  it.each([
    [{ near: { lat: 91, lng: 120 } }, 'near.lat'],
    [{ near: { lat: 30, lng: -180.5 } }, 'near.lng'],
    [{ near: { lat: 30.3, lng: 120.1 }, radiusMeters: 50_001 }, 'radiusMeters'],
    [{ near: { lat: 30.3, lng: 120.1 }, radiusMeters: 0 }, 'radiusMeters'],
    [{ near: { lat: 30.3, lng: 120.1 }, first: 101 }, 'first'],
    [{ near: { lat: 30.3, lng: 120.1 }, first: -1 }, 'first'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, argument) => {
    const { data, errors } = await hub.query(NEARBY, variables);
    expect(data?.nearbyHubs ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.argument).toBe(argument);
    expect(errors?.[0].message.startsWith(argument)).toBe(true);
  });
});
