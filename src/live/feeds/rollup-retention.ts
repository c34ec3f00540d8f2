import type { DataSource, EntityManager } from 'typeorm';
import { serialTransaction } from '../../core/data-sources/serial-transaction';
import { addDays, addLocalMonths, startOfLocalDay, startOfLocalMonth } from '../../core/time/local-time';
import { addIntoTier, storedDate } from './rollup-tier-sql';
import { RollupTierState } from './rollup-tier.entity';

export interface RetentionSettings {
  /** 5-minute buckets are kept this many days (ROLLUP_5MIN_DAYS). */
  fiveMinuteDays: number;
  /** Hour rows are kept this many days (ROLLUP_HOUR_DAYS); day rows for ever. */
  hourDays: number;
  /** Audit entries are kept this many days (AUDIT_RETENTION_DAYS). */
  auditDays: number;
}

export interface RetentionResult {
  daysRolled: number;
  monthsRolled: number;
  fiveMinuteRowsPurged: number;
  hourRowsPurged: number;
  auditEntriesPurged: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Deletes a tier's rows before `before`, a `step` of time a statement (from the oldest row on), so that no statement outlasts the source's timeout. */
async function purgeBefore_(hub: DataSource, table: 'metric_rollup' | 'metric_rollup_hour', before: Date, step: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [oldest] = await hub.query(`SELECT MIN(bucket_start) AS first FROM ${table} WHERE bucket_start < ?`, [storedDate(hub, before)]);
    if (oldest?.first == null) return deleted;
    const first = hub.driver.prepareHydratedValue(oldest.first, hub.getMetadata(RollupTierState).findColumnWithPropertyName('rolledUntil')!) as Date;
    const end = Math.min(before.getTime(), Math.floor(first.getTime() / HOUR_MS) * HOUR_MS + step);
    deleted += await serialTransaction(hub, (manager) => execute(manager, `DELETE FROM ${table} WHERE bucket_start < ?`, [storedDate(hub, new Date(end))]));
  }
}

/**
 * Every whole local month before `rolledUntil` into the month tier, from its day rows, one month
 * a transaction that moves `months_until` past it (compare-and-set, as the days): a month is
 * rolled exactly once, and the feed adds a late reading to its row once it is there.
 */
async function rollMonths(hub: DataSource, rolledUntil: Date | null): Promise<number> {
  if (!rolledUntil) return 0;
  const lastWhole = startOfLocalMonth(rolledUntil);
  let rolled = 0;
  for (;;) {
    const { monthsUntil } = await hub.getRepository(RollupTierState).findOneByOrFail({ id: 1 });
    let month = monthsUntil;
    if (!month) {
      const [first] = await hub.query('SELECT MIN(bucket_start) AS first FROM metric_rollup_day');
      month = first?.first == null ? lastWhole : startOfLocalMonth(hub.driver.prepareHydratedValue(first.first, hub.getMetadata(RollupTierState).findColumnWithPropertyName('rolledUntil')!) as Date);
    }
    const end = month.getTime() >= lastWhole.getTime() ? lastWhole : addLocalMonths(month, 1);
    const done = await serialTransaction(hub, async (manager) => {
      const moved = await execute(manager, `UPDATE rollup_tier_state SET months_until = ? WHERE id = 1 AND ${monthsUntil ? 'months_until = ?' : 'months_until IS NULL'}`, [
        storedDate(hub, end),
        ...(monthsUntil ? [storedDate(hub, monthsUntil)] : []),
      ]);
      if (moved !== 1 || end.getTime() <= month!.getTime()) return true;
      const [from, to] = [storedDate(hub, month!), storedDate(hub, end)];
      await addIntoTier(manager, hub, 'metric_rollup_month', 'SELECT hub_id, metric, ?, SUM(value), SUM(samples) FROM metric_rollup_day WHERE bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric', [from, from, to]);
      rolled++;
      return end.getTime() >= lastWhole.getTime();
    });
    if (done) return rolled;
  }
}

/** Runs a statement in the transaction and says how many rows it changed (on both drivers). */
async function execute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  return (await manager.queryRunner!.query(sql, params, true)).affected ?? 0;
}

/**
 * Rolls every whole Asia/Shanghai day of 5-minute buckets into the hour and day tiers, one day a
 * transaction that also moves the state row's `rolled_until` past it, so that a day is rolled
 * exactly once whatever crashes; then deletes 5-minute buckets that are both rolled and older
 * than `fiveMinuteDays`, hour rows older than `hourDays`, and audit entries older than
 * `auditDays`. A reading that arrives later for a rolled day is added to the tiers by the feed
 * itself (see rollup-writer): sums over any period of whole days are the same before and after.
 */
export async function runRollupRetention(hub: DataSource, now: Date, settings: RetentionSettings): Promise<RetentionResult> {
  const result: RetentionResult = { daysRolled: 0, monthsRolled: 0, fiveMinuteRowsPurged: 0, hourRowsPurged: 0, auditEntriesPurged: 0 };
  const today = startOfLocalDay(now);
  const state = () => hub.getRepository(RollupTierState).findOneByOrFail({ id: 1 });
  for (;;) {
    const { rolledUntil } = await state();
    const after = rolledUntil ?? new Date(0);
    if (after.getTime() >= today.getTime()) break;
    // The next day with buckets: days without any are passed over at once.
    const [next] = await hub.query('SELECT MIN(bucket_start) AS first FROM metric_rollup WHERE bucket_start >= ? AND bucket_start < ?', [storedDate(hub, after), storedDate(hub, today)]);
    const first = next?.first == null ? null : (hub.driver.prepareHydratedValue(next.first, hub.getMetadata(RollupTierState).findColumnWithPropertyName('rolledUntil')!) as Date);
    const day = first ? startOfLocalDay(first) : today;
    const end = first ? addDays(day, 1) : today;
    await serialTransaction(hub, async (manager) => {
      // Exclusive on the state row: a feed adding a late row to a rolled day waits, and another instance's job finds the day done.
      const moved = await execute(manager, `UPDATE rollup_tier_state SET rolled_until = ? WHERE id = 1 AND ${rolledUntil ? 'rolled_until = ?' : 'rolled_until IS NULL'}`, [
        storedDate(hub, end),
        ...(rolledUntil ? [storedDate(hub, rolledUntil)] : []),
      ]);
      if (moved !== 1 || !first) return;
      // An hour a statement (each well inside the source's statement timeout), then the day from its hours: none of them existed before this roll.
      for (let hour = day.getTime(); hour < end.getTime(); hour += HOUR_MS) {
        const at = storedDate(hub, new Date(hour));
        await addIntoTier(manager, hub, 'metric_rollup_hour', 'SELECT hub_id, metric, ?, SUM(value), COUNT(*) FROM metric_rollup WHERE bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric', [at, at, storedDate(hub, new Date(hour + HOUR_MS))]);
      }
      const [from, to] = [storedDate(hub, day), storedDate(hub, end)];
      await addIntoTier(manager, hub, 'metric_rollup_day', 'SELECT hub_id, metric, ?, SUM(value), SUM(samples) FROM metric_rollup_hour WHERE bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric', [from, from, to]);
      result.daysRolled++;
    });
  }
  result.monthsRolled = await rollMonths(hub, (await state()).rolledUntil);
  const { rolledUntil, purgedBefore } = await state();
  const keepFrom = startOfLocalDay(addDays(now, -settings.fiveMinuteDays));
  const due = rolledUntil && rolledUntil < keepFrom ? rolledUntil : keepFrom;
  // Never back: the buckets before an earlier split are gone (ROLLUP_5MIN_DAYS raised since), and series read the tiers there.
  const purgeBefore = purgedBefore && purgedBefore > due ? purgedBefore : due;
  if (rolledUntil) {
    await serialTransaction(hub, (manager) => manager.query('UPDATE rollup_tier_state SET purged_before = ? WHERE id = 1', [storedDate(hub, purgeBefore)]));
    result.fiveMinuteRowsPurged = await purgeBefore_(hub, 'metric_rollup', purgeBefore, HOUR_MS);
  }
  result.hourRowsPurged = await purgeBefore_(hub, 'metric_rollup_hour', startOfLocalDay(addDays(now, -settings.hourDays)), DAY_MS);
  await serialTransaction(hub, async (manager) => {
    result.auditEntriesPurged = await execute(manager, 'DELETE FROM audit_entry WHERE at < ?', [storedDate(hub, addDays(now, -settings.auditDays))]);
  });
  return result;
}
