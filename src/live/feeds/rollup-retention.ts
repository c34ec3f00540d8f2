import type { DataSource, EntityManager } from 'typeorm';
import { serialTransaction } from '../../core/data-sources/serial-transaction';
import { addDays, startOfLocalDay } from '../../core/time/local-time';
import { addIntoTier, hourOfBucket, storedDate } from './rollup-tier-sql';
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
  fiveMinuteRowsPurged: number;
  hourRowsPurged: number;
  auditEntriesPurged: number;
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
  const result: RetentionResult = { daysRolled: 0, fiveMinuteRowsPurged: 0, hourRowsPurged: 0, auditEntriesPurged: 0 };
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
      const range = [storedDate(hub, day), storedDate(hub, end)];
      await addIntoTier(manager, hub, 'metric_rollup_hour', `SELECT hub_id, metric, ${hourOfBucket(hub)}, SUM(value), COUNT(*) FROM metric_rollup WHERE bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric, ${hourOfBucket(hub)}`, range);
      await addIntoTier(manager, hub, 'metric_rollup_day', `SELECT hub_id, metric, ?, SUM(value), COUNT(*) FROM metric_rollup WHERE bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric`, [range[0], ...range]);
      result.daysRolled++;
    });
  }
  const { rolledUntil } = await state();
  const keepFrom = startOfLocalDay(addDays(now, -settings.fiveMinuteDays));
  const purgeBefore = rolledUntil && rolledUntil < keepFrom ? rolledUntil : keepFrom;
  if (rolledUntil) {
    await serialTransaction(hub, async (manager) => {
      await manager.query('UPDATE rollup_tier_state SET purged_before = ? WHERE id = 1', [storedDate(hub, purgeBefore)]);
      result.fiveMinuteRowsPurged = await execute(manager, 'DELETE FROM metric_rollup WHERE bucket_start < ?', [storedDate(hub, purgeBefore)]);
    });
  }
  await serialTransaction(hub, async (manager) => {
    result.hourRowsPurged = await execute(manager, 'DELETE FROM metric_rollup_hour WHERE bucket_start < ?', [storedDate(hub, startOfLocalDay(addDays(now, -settings.hourDays)))]);
    result.auditEntriesPurged = await execute(manager, 'DELETE FROM audit_entry WHERE at < ?', [storedDate(hub, addDays(now, -settings.auditDays))]);
  });
  return result;
}
