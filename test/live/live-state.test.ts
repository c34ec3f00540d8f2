import type { AppendedRow, GaugeFeed } from '../../src/core/departments/change-feed';
import type { DepartmentModule } from '../../src/core/departments/department-module';
import { startOfLocalDate } from '../../src/core/time/local-time';
import { departments } from '../../src/departments';
import { CrowdLevel, crowdLevelOf } from '../../src/departments/iot/live/crowd-level';
import { MetricCatalog } from '../../src/live/metrics/metric-catalog';
import { LiveState } from '../../src/live/state/live-state';
import { namedValuesOf } from './live-helpers';

const hubs = [
  { id: 1, capacity: 100, district: '西湖区', street: '北山街道', lat: 30.26, lng: 120.14 },
  { id: 2, capacity: null, district: '西湖区', street: '转塘街道', lat: 30.15, lng: 120.09 },
  { id: 3, capacity: 50, district: '拱墅区', street: '米市巷街道', lat: 30.29, lng: 120.16 },
];
const row = (hubId: number, at: Date, entered: number, exited = 0): AppendedRow => ({ id: 0, hubId, at, values: { footfall: entered, exits: exited } });
const meal = (hubId: number, at: Date): AppendedRow => ({ id: 0, hubId, at, values: { meals: 1 } });

/** A department with one gauge, as urban management's bike spaces: points that may serve several hubs. */
const gaugeFeed = { kind: 'gauge', name: 'bikes.point', source: 'bikes', metric: 'spacesFree' } as GaugeFeed;
const bikes: DepartmentModule = {
  name: 'bikes',
  title: '城管局',
  entities: [],
  migrations: [],
  resolvers: [],
  metrics: [{ name: 'spacesFree', title: '空余车位', unit: '个', kind: 'gauge' }],
  feeds: [gaugeFeed],
};
const catalog = new MetricCatalog([...departments, bikes]);
const named = (state: LiveState, hubId: number) => namedValuesOf(state.hubValues(hubId).values);

describe('live state of a hub', () => {
  it('crowd level: < 30 % QUIET, < 70 % NORMAL, < 90 % BUSY, else FULL', () => {
    expect([0, 29, 30, 69, 70, 89, 90, 150].map((n) => crowdLevelOf(n, 100))).toEqual([
      CrowdLevel.QUIET, CrowdLevel.QUIET, CrowdLevel.NORMAL, CrowdLevel.NORMAL, CrowdLevel.BUSY, CrowdLevel.BUSY, CrowdLevel.FULL, CrowdLevel.FULL,
    ]);
    expect(crowdLevelOf(0, null)).toBe(CrowdLevel.QUIET);
    expect(crowdLevelOf(5, null)).toBe(CrowdLevel.NORMAL);
  });

  it('occupancy, derived by iot, is footfall − exits since local midnight, never below zero', () => {
    const state = new LiveState(catalog, hubs, () => new Date('2026-03-10T06:00:00Z'));
    state.addRows([row(1, new Date('2026-03-10T05:00:00Z'), 10, 25)]);
    expect(named(state, 1)).toMatchObject({ occupancy: 0, footfallToday: 10 });
    state.addRows([row(1, new Date('2026-03-10T05:05:00Z'), 90, 0)]);
    expect(named(state, 1)).toMatchObject({ occupancy: 75, footfallToday: 100 });
    expect(crowdLevelOf(state.hubValues(1).values.get('occupancy')!, state.hub(1)!.capacity)).toBe(CrowdLevel.BUSY);
  });

  it('a day ends at Asia/Shanghai midnight: 23:59:59 counts to the old day, 00:00:00 starts the new one from zero', () => {
    const midnight = startOfLocalDate('2026-03-11'); // 2026-03-10T16:00:00Z
    let now = new Date(midnight.getTime() - 1_000);
    const state = new LiveState(catalog, hubs, () => now);
    const changes: number[][] = [];
    state.onChange((ids) => changes.push([...ids]));
    state.addRows([row(1, new Date(midnight.getTime() - 1_000), 40), ...[1, 2, 3].map(() => meal(1, new Date(midnight.getTime() - 1_000)))]);
    expect(named(state, 1)).toMatchObject({ footfallToday: 40, occupancy: 40, mealsToday: 3 });
    expect(state.today).toBe('2026-03-10');

    now = midnight;
    // A reading of 23:59:59 arriving late only moves its rollup; the new day starts at zero.
    state.addRows([row(1, new Date(midnight.getTime() - 1_000), 5), row(1, midnight, 2)]);
    expect(state.today).toBe('2026-03-11');
    expect(named(state, 1)).toMatchObject({ footfallToday: 2, occupancy: 2, mealsToday: 0 });
    expect(changes.some((ids) => ids.includes(2))).toBe(true);
  });

  it('patches from another instance set absolute values, for their day only', () => {
    const state = new LiveState(catalog, hubs, () => new Date('2026-03-10T06:00:00Z'));
    const patch = { hubId: 2, day: '2026-03-10', values: { footfall: 30, exits: 10 }, at: Date.now() };
    state.applyCountPatches([patch]);
    state.applyCountPatches([patch]);
    state.applyCountPatches([{ hubId: 2, day: '2026-03-09', values: { footfall: 999 }, at: Date.now() }]);
    expect(named(state, 2)).toMatchObject({ footfallToday: 30, occupancy: 20 });
    const overview = state.overview('西湖区');
    expect(overview.hubs).toBe(2);
    expect(namedValuesOf(overview.values)).toMatchObject({ footfallToday: 30, occupancy: 20 });
    expect(overview.byStreet.map((s) => s.street)).toEqual(['北山街道', '转塘街道']);
  });

  it('a gauge keeps its latest value through midnight, and an area counts a point serving two of its hubs once', () => {
    const midnight = startOfLocalDate('2026-03-11');
    let now = new Date(midnight.getTime() - 60_000);
    const state = new LiveState(catalog, hubs, () => now);
    state.setPoints('spacesFree', [
      { key: 'a', hubIds: [1, 2], value: 30 },
      { key: 'b', hubIds: [2], value: 5 },
      { key: 'c', hubIds: [3], value: 7 },
    ], true);
    expect(state.hubValues(1).values.get('spacesFree')).toBe(30);
    expect(state.hubValues(2).values.get('spacesFree')).toBe(35);
    const xihu = state.overview('西湖区');
    expect(xihu.values.get('spacesFree')).toBe(35);
    expect(xihu.byStreet.find((s) => s.street === '转塘街道')!.values.get('spacesFree')).toBe(35);
    expect(state.overview(null).values.get('spacesFree')).toBe(42);

    // A change to one point moves the hubs it serves, and only them.
    const moved: number[][] = [];
    state.onChange((ids) => moved.push([...ids].sort()));
    state.setPoints('spacesFree', [{ key: 'a', hubIds: [1, 2], value: 12 }], false);
    expect(moved).toEqual([[1, 2]]);
    expect(state.overview('西湖区').values.get('spacesFree')).toBe(17);

    now = midnight;
    expect(state.hubValues(1).values.get('spacesFree')).toBe(12);
    // A complete set drops the points that are gone: hub 3 has none left, so no value at all.
    state.setPoints('spacesFree', [{ key: 'a', hubIds: [1, 2], value: 12 }], true);
    expect(state.hubValues(3).values.has('spacesFree')).toBe(false);
    expect(state.gaugePatchOf('spacesFree').points).toHaveLength(1);
  });

  it('a declaration that does not hold together stops the start, naming it', () => {
    const twice = { ...bikes, name: 'again', metrics: [{ name: 'footfall', title: '重复', kind: 'dailyCounter' as const }], feeds: [] };
    expect(() => new MetricCatalog([...departments, twice])).toThrow('live metric "footfall" is declared by iot and again');
    const unfed = { ...bikes, feeds: [] };
    expect(() => new MetricCatalog([...departments, unfed])).toThrow('"spacesFree" of bikes has no feed that fills it');
  });
});
