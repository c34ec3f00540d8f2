import type { DataSource } from 'typeorm';
import { HUB_SOURCE } from '../../src/config';
import { AuditEntry } from '../../src/core/audit/audit-entry.entity';
import { serialTransaction } from '../../src/core/data-sources/serial-transaction';
import { addDays, startOfLocalDate } from '../../src/core/time/local-time';
import { MetricRollup } from '../../src/live/feeds/metric-rollup.entity';
import { runRollupRetention } from '../../src/live/feeds/rollup-retention';
import { MetricRollupHour } from '../../src/live/feeds/rollup-tier.entity';
import { rollupsOfHubs, rollupSumsOf, type RollupRow } from '../../src/live/feeds/rollup-reader';
import { writeRollups } from '../../src/live/feeds/rollup-writer';
import type { BucketValue } from '../../src/live/feeds/rollup-buckets';
import { tieredTotals, type Period } from '../../src/live/feeds/tiered-totals';
import { describeEachDriver } from '../helpers/drivers';
import { openTestSources } from '../helpers/test-sources';

const NOW = new Date(startOfLocalDate('2026-12-03').getTime() + 15 * 3_600_000);
const FIRST_DAY = '2026-10-01';
const DAYS = 63;
const SETTINGS = { fiveMinuteDays: 35, hourDays: 40, auditDays: 400 };
const METRICS = ['footfall', 'bikeSpacesFree'];

/** Whole local days from FIRST_DAY: [day a, day b). */
const days = (a: number, b: number): Period => ({ from: addDays(startOfLocalDate(FIRST_DAY), a), to: addDays(startOfLocalDate(FIRST_DAY), b) });

describeEachDriver('the rollup retention job', (driver) => {
  let opened: Awaited<ReturnType<typeof openTestSources>>;
  let hub: DataSource;
  /** Periods over the 5-minute, hour and day tiers and across their edges, today's included. */
  const periods: Period[] = [days(0, 1), days(0, DAYS), days(0, 31), days(31, 61), days(5, 45), days(0, 61), days(10, 11), days(20, 50), days(27, 29), days(30, 31), days(40, DAYS), days(DAYS - 1, DAYS + 1), days(-5, 200)];

  beforeAll(async () => {
    opened = await openTestSources(driver);
    hub = opened.sources.get(HUB_SOURCE);
    // Three hubs, twelve 5-minute buckets a day (09:00–10:00 local) up to today, integer values: sums are exact in doubles.
    const rows: BucketValue[] = [];
    for (let d = 0; d <= DAYS; d++) {
      for (let b = 0; b < 12; b++) {
        const bucketStart = new Date(addDays(startOfLocalDate(FIRST_DAY), d).getTime() + 9 * 3_600_000 + b * 300_000);
        for (const hubId of [1, 2, 3]) {
          rows.push({ hubId, metric: 'footfall', bucketStart, value: ((d * 7 + b * 3 + hubId) % 11) + 1 });
          if (b % 4 === 0) rows.push({ hubId, metric: 'bikeSpacesFree', bucketStart, value: (d + b + hubId) % 9 });
        }
      }
    }
    await serialTransaction(hub, (manager) => writeRollups(manager, hub, rows, 'add'));
    const audit = (at: Date) => ({ at, clientId: null, actor: 'test', action: 'dietaryAdvice', residentHash: null, detail: null });
    await hub.getRepository(AuditEntry).save([audit(addDays(NOW, -401)), audit(addDays(NOW, -399))] as never);
  });
  afterAll(() => opened?.close());

  it('rolls days into hours and days and purges exactly: every period’s sums and gauge means are the same after, and after a second run', async () => {
    const before = await tieredTotals(hub, METRICS, periods);
    const today = startOfLocalDate('2026-12-03');
    const hoursKeptFrom = addDays(today, -SETTINGS.hourDays);
    const fiveMinuteSum = await hub.getRepository(MetricRollup).createQueryBuilder('r').select('SUM(r.value)', 'v').where('r.metric = :m AND r.bucketStart >= :from AND r.bucketStart < :today', { m: 'footfall', from: hoursKeptFrom, today }).getRawOne();

    const result = await runRollupRetention(hub, NOW, SETTINGS);
    expect(result.daysRolled).toBe(DAYS);
    // October and November are whole months before the day rolled up to (today's).
    expect(result.monthsRolled).toBe(2);
    expect(result.fiveMinuteRowsPurged).toBeGreaterThan(0);
    expect(result.hourRowsPurged).toBeGreaterThan(0);
    expect(await tieredTotals(hub, METRICS, periods)).toEqual(before);

    // What is left: 5-minute buckets of the last 35 days only, hours of the last 40, days of all.
    const oldest = await hub.getRepository(MetricRollup).createQueryBuilder('r').select('MIN(r.bucketStart)', 'first').getRawOne();
    expect(hub.driver.prepareHydratedValue(oldest.first, hub.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!).getTime()).toBeGreaterThanOrEqual(addDays(startOfLocalDate('2026-12-03'), -35).getTime());
    const hours = await hub.getRepository(MetricRollupHour).createQueryBuilder('h').select('MIN(h.bucketStart)', 'first').addSelect('SUM(h.value)', 'v').where('h.metric = :m', { m: 'footfall' }).getRawOne();
    expect(hub.driver.prepareHydratedValue(hours.first, hub.getMetadata(MetricRollupHour).findColumnWithPropertyName('bucketStart')!).getTime()).toBeGreaterThanOrEqual(addDays(startOfLocalDate('2026-12-03'), -40).getTime());
    // The hours kept hold what the 5-minute buckets of those days summed to.
    expect(Number(hours.v)).toBe(Number(fiveMinuteSum.v));
    expect(Number(hours.v)).toBeGreaterThan(0);

    const again = await runRollupRetention(hub, NOW, SETTINGS);
    expect(again).toEqual({ daysRolled: 0, monthsRolled: 0, fiveMinuteRowsPurged: 0, hourRowsPurged: 0, auditEntriesPurged: 0 });
    expect(await tieredTotals(hub, METRICS, periods)).toEqual(before);
  });

  it('reads an HOUR or DAY series of purged days from the hour and day tiers, as the 5-minute rows summed to', async () => {
    // Day 26 is older than ROLLUP_5MIN_DAYS (35) and younger than ROLLUP_HOUR_DAYS (40): only its hours are left (the first test ran the job).
    const day = days(26, 27);
    expect(await rollupsOfHubs(hub, [1], ['footfall'], day.from, day.to)).toEqual([]);
    const nine = new Date(day.from.getTime() + 9 * 3_600_000);
    const footfall = (d: number, h: number) => Array.from({ length: 12 }, (_, b) => ((d * 7 + b * 3 + h) % 11) + 1).reduce((a, v) => a + v, 0);
    const bikesMean = (d: number, h: number) => [0, 4, 8].reduce((a, b) => a + ((d + b + h) % 9), 0) / 3;
    const hours = await rollupsOfHubs(hub, [1, 2], METRICS, day.from, day.to, 'metric_rollup_hour', new Set(['bikeSpacesFree']));
    const byKey = (rows: RollupRow[]) => Object.fromEntries(rows.map((r) => [`${r.hubId}/${r.metric}/${r.bucketStart.toISOString()}`, r.value]));
    expect(byKey(hours)).toEqual({
      [`1/footfall/${nine.toISOString()}`]: footfall(26, 1),
      [`2/footfall/${nine.toISOString()}`]: footfall(26, 2),
      [`1/bikeSpacesFree/${nine.toISOString()}`]: bikesMean(26, 1),
      [`2/bikeSpacesFree/${nine.toISOString()}`]: bikesMean(26, 2),
    });
    // Days 5–9 over every hub (purged) and the last two days (5-minute rows kept), one statement.
    const span = days(5, DAYS + 1);
    const sums = byKey(await rollupSumsOf(hub, null, ['footfall'], span.from, span.to, 'metric_rollup_day'));
    for (const d of [5, 9, DAYS - 1]) {
      const total = [1, 2, 3].reduce((a, h) => a + footfall(d, h), 0);
      if (d < DAYS - 35) expect(sums[`null/footfall/${days(d, d + 1).from.toISOString()}`]).toBe(total);
      else expect(Object.entries(sums).filter(([k]) => new Date(k.split('/')[2]) >= days(d, d + 1).from && new Date(k.split('/')[2]) < days(d, d + 1).to).reduce((a, [, v]) => a + v, 0)).toBe(total);
    }
  });

  it('adds a counter’s late reading for a rolled and purged day to the tiers, exactly once', async () => {
    const before = await tieredTotals(hub, METRICS, periods);
    const late = new Date(addDays(startOfLocalDate(FIRST_DAY), 3).getTime() + 12 * 3_600_000);
    await serialTransaction(hub, (manager) => writeRollups(manager, hub, [{ hubId: 2, metric: 'footfall', bucketStart: late, value: 17 }], 'add'));
    const after = await tieredTotals(hub, METRICS, periods);
    periods.forEach((period, p) => {
      const inside = late >= period.from && late < period.to;
      expect(after[p].get(2)!.footfall.value).toBe(before[p].get(2)!.footfall.value + (inside ? 17 : 0));
    });
    // The next run purges the late 5-minute row (its day is rolled) without counting it again.
    await runRollupRetention(hub, NOW, SETTINGS);
    expect(await tieredTotals(hub, METRICS, periods)).toEqual(after);
  });

  it('keeps the audit log for AUDIT_RETENTION_DAYS', async () => {
    const left = await hub.getRepository(AuditEntry).find();
    expect(left.map((e) => e.at.getTime())).toEqual([addDays(NOW, -399).getTime()]);
  });
});
