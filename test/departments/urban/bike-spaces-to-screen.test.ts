import { ApiRole } from '../../../src/core/auth/api-role';
import { seededRandom } from '../../../src/core/seeding/seeded-random';
import { urbanDepartment } from '../../../src/departments/urban';
import { BikeParkingPoint, spacesFreeOf } from '../../../src/departments/urban/parking/bike-parking-point.entity';
import { describeEachDriver } from '../../helpers/drivers';
import { startTestHub, type TestHub } from '../../helpers/test-hub';
import { keyFor, liveOf, screenClient, subscribe } from '../../live/live-helpers';
import { expectedSpacesFree, hubsWithin500m, pointsAndHubs } from './urban-fixtures';

const HUB_METRICS = /* GraphQL */ `
  subscription ($hubIds: [ID!]) { hubMetrics(hubIds: $hubIds) { hubId metrics { name department title unit kind value } } }
`;
const DISTRICT = /* GraphQL */ `
  subscription { districtOverview(district: "西湖区") { district metrics { name department title unit kind value } } }
`;

interface Metric {
  name: string;
  department: string;
  title: string;
  unit: string | null;
  kind: string;
  value: number | null;
}
const bikeSpacesFree = (message: { metrics: Metric[] }) => message.metrics.find((m) => m.name === 'bikeSpacesFree');

describeEachDriver('free bike spaces near the hubs, from the urban table to the screens', (driver) => {
  let t: TestHub;
  let screenKey: string;
  beforeAll(async () => {
    t = await startTestHub({ driver });
    screenKey = await keyFor(t.hub, ApiRole.SCREEN);
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('a counter’s report on a point shared by two hubs moves both hubs’ screens and the district’s total once, exactly', async () => {
    const { points, hubs } = await pointsAndHubs(t.hub);
    const shared = points.find((p) => hubsWithin500m(p, hubs).length === 2 && p.occupied >= 7)!;
    expect(shared).toBeDefined();
    const [a, b] = hubsWithin500m(shared, hubs);
    const before = expectedSpacesFree(points, hubs);

    const client = screenClient(t.wsUrl, screenKey);
    const hubScreens = subscribe<{ hubId: string; metrics: Metric[] }>(client, HUB_METRICS, { hubIds: [String(a), String(b)] }, 'hubMetrics');
    const wall = subscribe<{ district: string; metrics: Metric[] }>(client, DISTRICT, {}, 'districtOverview');
    try {
      // What the screens show first is what the table holds: each hub its points within 500 m, the district each point once.
      for (const id of [a, b]) await hubScreens.until((m) => m.hubId === String(id) && bikeSpacesFree(m)?.value === before.byHub.get(id));
      const first = await wall.until((m) => bikeSpacesFree(m)?.value === before.district);
      expect(bikeSpacesFree(first)).toEqual({ name: 'bikeSpacesFree', department: 'urban', title: '周边空余车位', unit: '个', kind: 'gauge', value: before.district });

      // Seven bikes leave the shared point: its counter updates the row in place.
      await t.hub.services.sources.get('urban').getRepository(BikeParkingPoint).update(shared.id, { occupied: shared.occupied - 7, updatedAt: new Date() });
      const freed = spacesFreeOf({ spaces: shared.spaces, occupied: shared.occupied - 7 }) - spacesFreeOf(shared);
      expect(freed).toBe(7);
      for (const id of [a, b]) {
        const moved = await hubScreens.until((m) => m.hubId === String(id) && bikeSpacesFree(m)?.value !== before.byHub.get(id));
        expect(bikeSpacesFree(moved)!.value).toBe(before.byHub.get(id)! + 7);
      }
      const district = await wall.until((m) => bikeSpacesFree(m)?.value !== before.district);
      expect(bikeSpacesFree(district)!.value).toBe(before.district + 7);
      // And that is the table's own answer now.
      const after = await pointsAndHubs(t.hub);
      expect(expectedSpacesFree(after.points, after.hubs).district).toBe(before.district + 7);
    } finally {
      hubScreens.stop();
      wall.stop();
      await client.dispose();
    }
  });
});

describeEachDriver('the bike-parking counters’ simulator', (driver) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ driver });
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('moves occupancy within each point’s spaces, and the live totals follow the table exactly', async () => {
    const before = await pointsAndHubs(t.hub);
    // The real time: a report stamped before the feed's cursor would be one the cursor never reads again.
    const now = new Date();
    const moved = await urbanDepartment.simulate!({ source: t.hub.services.sources.get('urban'), now, elapsedMs: 10 * 60_000, hubs: liveOf(t.hub).state.hubList(), random: seededRandom(7) });
    expect(moved).toBeGreaterThan(0);
    const after = await pointsAndHubs(t.hub);
    const changed = after.points.filter((p, i) => p.occupied !== before.points[i].occupied);
    expect(changed).toHaveLength(moved);
    expect(after.points.every((p) => p.occupied >= 0 && p.occupied <= p.spaces)).toBe(true);
    await liveOf(t.hub).drain();
    const expected = expectedSpacesFree(after.points, after.hubs);
    const state = liveOf(t.hub).state;
    expect(state.overview(null).values.get('bikeSpacesFree')).toBe(expected.district);
    for (const hub of after.hubs) expect([hub.id, state.hubValues(hub.id).values.get('bikeSpacesFree')]).toEqual([hub.id, expected.byHub.get(hub.id)]);
  });
});
