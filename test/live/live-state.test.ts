import { startOfLocalDate } from '../../src/core/time/local-time';
import { CrowdLevel, crowdLevelOf } from '../../src/live/state/crowd-level';
import { LiveState } from '../../src/live/state/live-state';

const hubs = [
  { id: 1, capacity: 100, district: '西湖区', street: '北山街道' },
  { id: 2, capacity: null, district: '西湖区', street: '转塘街道' },
];
const row = (hubId: number, at: Date, entered: number, exited = 0, meals = 0) => ({ id: 0, hubId, at, entered, exited, meals });

describe('live state of a hub', () => {
  it('crowd level: < 30 % QUIET, < 70 % NORMAL, < 90 % BUSY, else FULL', () => {
    expect([0, 29, 30, 69, 70, 89, 90, 150].map((n) => crowdLevelOf(n, 100))).toEqual([
      CrowdLevel.QUIET, CrowdLevel.QUIET, CrowdLevel.NORMAL, CrowdLevel.NORMAL, CrowdLevel.BUSY, CrowdLevel.BUSY, CrowdLevel.FULL, CrowdLevel.FULL,
    ]);
    expect(crowdLevelOf(0, null)).toBe(CrowdLevel.QUIET);
    expect(crowdLevelOf(5, null)).toBe(CrowdLevel.NORMAL);
  });

  it('occupancy is entered − exited since local midnight, never below zero', () => {
    const state = new LiveState(hubs, () => new Date('2026-03-10T06:00:00Z'));
    state.addRows([row(1, new Date('2026-03-10T05:00:00Z'), 10, 25)]);
    expect(state.metrics(1)).toMatchObject({ occupancy: 0, footfallToday: 10, crowdLevel: CrowdLevel.QUIET });
    state.addRows([row(1, new Date('2026-03-10T05:05:00Z'), 90, 0)]);
    expect(state.metrics(1)).toMatchObject({ occupancy: 75, footfallToday: 100, crowdLevel: CrowdLevel.BUSY });
  });

  it('a day ends at Asia/Shanghai midnight: 23:59:59 counts to the old day, 00:00:00 starts the new one from zero', () => {
    const midnight = startOfLocalDate('2026-03-11'); // 2026-03-10T16:00:00Z
    let now = new Date(midnight.getTime() - 1_000);
    const state = new LiveState(hubs, () => now);
    const changes: number[][] = [];
    state.onChange((ids) => changes.push([...ids]));
    state.addRows([row(1, new Date(midnight.getTime() - 1_000), 40, 0, 3)]);
    expect(state.metrics(1)).toMatchObject({ footfallToday: 40, occupancy: 40, mealsToday: 3 });
    expect(state.today).toBe('2026-03-10');

    now = midnight;
    // A reading of 23:59:59 arriving late only moves its rollup; the new day starts at zero.
    state.addRows([row(1, new Date(midnight.getTime() - 1_000), 5), row(1, midnight, 2)]);
    expect(state.today).toBe('2026-03-11');
    expect(state.metrics(1)).toMatchObject({ footfallToday: 2, occupancy: 2, mealsToday: 0 });
    expect(changes.some((ids) => ids.includes(2))).toBe(true);
  });

  it('patches from another instance set absolute values, for their day only', () => {
    const state = new LiveState(hubs, () => new Date('2026-03-10T06:00:00Z'));
    state.applyPatches([{ hubId: 2, day: '2026-03-10', entered: 30, exited: 10, at: Date.now() }]);
    state.applyPatches([{ hubId: 2, day: '2026-03-10', entered: 30, exited: 10, at: Date.now() }]);
    state.applyPatches([{ hubId: 2, day: '2026-03-09', entered: 999, at: Date.now() }]);
    expect(state.metrics(2)).toMatchObject({ footfallToday: 30, occupancy: 20 });
    const overview = state.overview('西湖区');
    expect(overview).toMatchObject({ hubs: 2, footfallToday: 30, occupancy: 20 });
    expect(overview.byStreet.map((s) => s.street)).toEqual(['北山街道', '转塘街道']);
  });
});
