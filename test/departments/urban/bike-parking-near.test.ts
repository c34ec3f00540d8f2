import { convertPoint } from '../../../src/core/geo/convert';
import { CoordSystem } from '../../../src/core/geo/coord-system';
import { greatCircleMeters } from '../../../src/core/geo/great-circle';
import { describeEachDriver } from '../../helpers/drivers';
import { statementsOf } from '../../helpers/statements-of';
import { startTestHub, type TestHub } from '../../helpers/test-hub';
import { hubsWithin500m, pointsAndHubs } from './urban-fixtures';

const NEAR = /* GraphQL */ `
  query Near($near: GeoInput!, $radiusMeters: Float, $first: Int) {
    bikeParkingNear(near: $near, radiusMeters: $radiusMeters, first: $first) {
      distanceMeters
      point { id station exit spaces chargers occupied spacesFree updatedAt location { lat lng coordSystem } }
    }
  }
`;

// A phone on the plaza in front of 三墩镇民生综合体 (the hub is stored at WGS-84 30.3291, 120.0952).
const PHONE_WGS84 = { lat: 30.3288, lng: 120.0951 };

interface Found {
  distanceMeters: number;
  point: { id: string; station: string; exit: string; spaces: number; chargers: number; occupied: number; spacesFree: number; updatedAt: string; location: { lat: number; lng: number; coordSystem: string } };
}

describeEachDriver('bike parking at the metro exits (城管局)', (driver) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ driver });
  });
  afterAll(() => t?.close());

  const near = async (variables: Record<string, unknown>): Promise<Found[]> => {
    const { data, errors } = await t.query(NEAR, variables);
    expect(errors).toBeUndefined();
    return data.bikeParkingNear;
  };
  const phoneIn = (coordSystem: CoordSystem) => ({ ...convertPoint(PHONE_WGS84, CoordSystem.WGS84, coordSystem), coordSystem });

  it('seeds points at metro exits: some hubs have none within 500 m, some points are within 500 m of two hubs', async () => {
    const { points, hubs } = await pointsAndHubs(t.hub);
    expect(points.length).toBeGreaterThan(50);
    expect(points.every((p) => p.occupied >= 0 && p.occupied <= p.spaces && p.chargers <= p.spaces && /站$/.test(p.station) && /^[A-D]口$/.test(p.exit))).toBe(true);
    const served = new Set(points.flatMap((p) => hubsWithin500m(p, hubs)));
    expect(served.size).toBeGreaterThan(10);
    expect(served.size).toBeLessThan(hubs.length);
    expect(points.filter((p) => hubsWithin500m(p, hubs).length >= 2).length).toBeGreaterThan(0);
  });

  it('gives a phone in 三墩 (WeChat GCJ-02) the nearest points first, each within the radius at its true distance, with its free spaces', async () => {
    const found = await near({ near: phoneIn(CoordSystem.GCJ02), radiusMeters: 2000, first: 100 });
    expect(found.length).toBeGreaterThan(1);
    expect(found[0].distanceMeters).toBeLessThan(600);
    expect(found.slice(0, 6).map((f) => f.point.station)).toContain('三墩站');
    for (let i = 1; i < found.length; i++) expect(found[i].distanceMeters).toBeGreaterThanOrEqual(found[i - 1].distanceMeters);
    const { points } = await pointsAndHubs(t.hub);
    const inRadius = points.filter((p) => greatCircleMeters(PHONE_WGS84, p) <= 2000);
    expect(found.map((f) => Number(f.point.id)).sort((a, b) => a - b)).toEqual(inRadius.map((p) => p.id));
    for (const f of found) {
      const stored = points.find((p) => p.id === Number(f.point.id))!;
      expect(Math.abs(f.distanceMeters - greatCircleMeters(PHONE_WGS84, stored))).toBeLessThan(1);
      expect(f.point).toMatchObject({ spaces: stored.spaces, occupied: stored.occupied, spacesFree: stored.spaces - stored.occupied, location: { lat: stored.lat, lng: stored.lng, coordSystem: 'WGS84' } });
    }
  });

  it('finds the same points at the same distances within a metre from WGS-84, GCJ-02 and BD-09, and gives a location in GCJ-02', async () => {
    const [wgs, gcj, bd] = await Promise.all([CoordSystem.WGS84, CoordSystem.GCJ02, CoordSystem.BD09].map((system) => near({ near: phoneIn(system), radiusMeters: 3000, first: 50 })));
    expect(wgs.length).toBeGreaterThan(2);
    for (const other of [gcj, bd]) {
      expect(other.map((f) => f.point.id)).toEqual(wgs.map((f) => f.point.id));
      other.forEach((f, i) => expect(Math.abs(f.distanceMeters - wgs[i].distanceMeters)).toBeLessThan(1));
    }
    const { data } = await t.query(`query ($near: GeoInput!) { bikeParkingNear(near: $near, first: 1) { point { location(coordSystem: GCJ02) { lat lng coordSystem } } } }`, { near: phoneIn(CoordSystem.WGS84) });
    const expected = convertPoint(wgs[0].point.location, CoordSystem.WGS84, CoordSystem.GCJ02);
    expect(data.bikeParkingNear[0].point.location).toEqual({ ...expected, coordSystem: 'GCJ02' });
  });

  it('keeps to first and the radius; left out or null they are 10 points and 500 m', async () => {
    const all = await near({ near: phoneIn(CoordSystem.WGS84), radiusMeters: 5000, first: 100 });
    expect(await near({ near: phoneIn(CoordSystem.WGS84), radiusMeters: 5000, first: 2 })).toEqual(all.slice(0, 2));
    const defaults = all.filter((f) => f.distanceMeters <= 500).slice(0, 10);
    expect(await near({ near: phoneIn(CoordSystem.WGS84) })).toEqual(defaults);
    expect(await near({ near: phoneIn(CoordSystem.WGS84), radiusMeters: null, first: null })).toEqual(defaults);
    expect(await near({ near: phoneIn(CoordSystem.WGS84), first: 0 })).toEqual([]);
  });

  it.each([
    [{ near: { lat: 91, lng: 120 } }, 'near.lat'],
    [{ near: { lat: 30, lng: -180.5 } }, 'near.lng'],
    [{ near: { lat: 30.3, lng: 120.1 }, radiusMeters: 5_001 }, 'radiusMeters'],
    [{ near: { lat: 30.3, lng: 120.1 }, radiusMeters: 0 }, 'radiusMeters'],
    [{ near: { lat: 30.3, lng: 120.1 }, first: 101 }, 'first'],
    [{ near: { lat: 30.3, lng: 120.1 }, first: -1 }, 'first'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, argument) => {
    const { data, errors } = await t.query(NEAR, variables);
    expect(data?.bikeParkingNear ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.argument).toBe(argument);
    expect(errors?.[0].message.startsWith(argument)).toBe(true);
  });

  it('gives every hub of a page its nearby points, as bikeParkingNear finds them from the hub, in one statement on the urban source', async () => {
    const query = `query ($first: Int, $radius: Float) { hubs(first: $first) { edges { node { id location { lat lng }
      nearbyBikeParking(radiusMeters: $radius) { distanceMeters point { id spacesFree } } } } } }`;
    const few = await statementsOf(t.url, query, { first: 5, radius: 800 });
    const page = await statementsOf(t.url, query, { first: 58, radius: 800 });
    expect(page.counts.urban).toBe(1);
    expect(few.counts.urban).toBe(1);
    const hubs = page.data.hubs.edges.map((e: any) => e.node);
    expect(hubs.filter((h: any) => h.nearbyBikeParking.length > 0).length).toBeGreaterThan(10);
    for (const hub of hubs.slice(0, 20)) {
      const fromHub = await near({ near: { ...hub.location, coordSystem: 'WGS84' }, radiusMeters: 800, first: 100 });
      expect(hub.nearbyBikeParking).toEqual(fromHub.map((f) => ({ distanceMeters: f.distanceMeters, point: { id: f.point.id, spacesFree: f.point.spacesFree } })));
    }
    const { errors } = await t.query(`{ hubs(first: 1) { edges { node { nearbyBikeParking(radiusMeters: 6000) { distanceMeters } } } } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'radiusMeters' });
  });
});
