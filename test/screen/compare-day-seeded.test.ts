import { HUB_SOURCE } from '../../src/config';
import { ApiRole } from '../../src/core/auth/api-role';
import { withSource } from '../../src/core/departments/department-module';
import { departments } from '../../src/departments';
import { readLiveSettings } from '../../src/live/live-settings';
import { runRollupRetention } from '../../src/live/feeds/rollup-retention';
import { compareDayOf } from '../../src/screen/compare-day';
import { DISTRICT_SERIES, HUB_SERIES } from '../../src/screen/screen-queries';
import { seedDepartments } from '../../seeds/seed-departments';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { createTestDatabases } from '../helpers/test-databases';
import { openTestSources } from '../helpers/test-sources';
import { keyFor, liveOf } from '../live/live-helpers';

/** Saturday 28 November 2026, 10:30 in Hangzhou: yesterday was a workday, the last rest day Sunday the 22nd. */
const NOW = new Date('2026-11-28T02:30:00Z');
const DAY_MS = 86_400_000;

type Point = { at: string; entered: number };

/** Footfall by local hour of the compared day, from a series of HOUR points. */
function hoursOf(points: Point[], dayStart: number): number[] {
  return points.filter((p) => Date.parse(p.at) >= dayStart && Date.parse(p.at) < dayStart + DAY_MS).map((p) => p.entered);
}

describeEachDriver('the demo seed has the day a wall compares a rest day with', (driver) => {
  let t: TestHub;
  let auth: Record<string, string>;
  const compare = compareDayOf(NOW.getTime());
  const today = compare.start + 6 * DAY_MS;
  const range = { from: new Date(compare.start).toISOString(), to: new Date(today + DAY_MS).toISOString() };

  beforeAll(async () => {
    // The seed placed at a Saturday, whatever day the test runs on; the hub then reads what it wrote.
    const databases = await createTestDatabases(driver, [HUB_SOURCE, ...withSource(departments).map((d) => d.name)]);
    const opened = await openTestSources(driver, databases);
    await seedDepartments(opened.sources, departments, { scale: 'demo', now: NOW });
    await opened.close();
    t = await startTestHub({ driver, seed: false, databases });
    auth = { authorization: `Bearer ${await keyFor(t.hub, ApiRole.SCREEN)}` };
    await liveOf(t.hub).drain();
  }, 120_000);
  afterAll(() => t?.close());

  it('compares Saturday with the Sunday six days before, not with yesterday', () => {
    expect(compare).toEqual({ start: Date.parse('2026-11-22T00:00:00+08:00'), label: '上个休息日', date: '11月22日' });
  });

  const expectCurve = (hours: number[]) => {
    expect(hours).toHaveLength(24);
    // Footfall in every hour the doors are open (07:00–21:00), none at night.
    expect(hours.slice(7, 21).every((n) => n > 0)).toBe(true);
    expect([...hours.slice(0, 7), ...hours.slice(21)].every((n) => n === 0)).toBe(true);
  };

  it('gives the wall’s district, street and hub curves that Sunday, by hour', async () => {
    const district = await t.query(DISTRICT_SERIES, { ...range, district: null, street: null, withStreets: false }, auth);
    expect(district.errors).toBeUndefined();
    expectCurve(hoursOf(district.data.districtFootfallSeries, compare.start));
    const street = await t.query(DISTRICT_SERIES, { ...range, district: '西湖区', street: '三墩镇', withStreets: true }, auth);
    expect(street.errors).toBeUndefined();
    expectCurve(hoursOf(street.data.districtFootfallSeries, compare.start));
    const hub = await t.query(HUB_SERIES, { ...range, hubId: '1' }, auth);
    expect(hub.errors).toBeUndefined();
    expectCurve(hoursOf(hub.data.hub.footfallSeries, compare.start));
  });

  it('reads that Sunday the same by hour and by day, and still after the retention job has run', async () => {
    const day = /* GraphQL */ `query ($from: DateTime!, $to: DateTime!) { districtFootfallSeries(from: $from, to: $to, bucket: DAY) { at entered } }`;
    const sunday = { from: new Date(compare.start).toISOString(), to: new Date(compare.start + DAY_MS).toISOString() };
    const byHour = async () => hoursOf((await t.query(DISTRICT_SERIES, { ...range, district: null, street: null, withStreets: false }, auth)).data.districtFootfallSeries, compare.start);
    const before = await byHour();
    const total = (await t.query(day, sunday, auth)).data.districtFootfallSeries;
    expect(total).toEqual([{ at: sunday.from, entered: before.reduce((a, b) => a + b, 0) }]);
    // The job rolls the seeded days the feeds made 5-minute rows of, and keeps the split where the seed put it.
    await runRollupRetention(t.hub.services.sources.get(HUB_SOURCE), new Date(), readLiveSettings({}).retention);
    expect(await byHour()).toEqual(before);
  });
});
