import type { DataSource, EntityManager } from 'typeorm';
import type { BucketValue } from './rollup-buckets';
import { MetricRollup } from './metric-rollup.entity';
import { BUCKET_MS } from './rollup-buckets';
import { addIntoTier, storedDate, tierStateLocked, type Tier } from './rollup-tier-sql';
import { startOfLocalDay, startOfLocalMonth } from '../../core/time/local-time';

const CHUNK = 200;
const HOUR_MS = 12 * BUCKET_MS;

/**
 * A counter's delta for a day already rolled into the hour and day tiers (a counter that uploads
 * its backlog days late) is added to them too, in the same transaction: the tiers stay the sums
 * of the 5-minute buckets. The state row is read under a shared lock, so the retention job cannot
 * roll that day between this read and the commit.
 */
async function addToRolledTiers(manager: EntityManager, source: DataSource, rows: readonly BucketValue[], state: { rolledUntil: Date | null; monthsUntil: Date | null }): Promise<void> {
  const { rolledUntil, monthsUntil } = state;
  if (!rolledUntil) return;
  const late = rows.filter((r) => r.bucketStart.getTime() < rolledUntil.getTime());
  const tiers: [Tier, (at: Date) => Date, number][] = [
    ['metric_rollup_hour', (at) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS), rolledUntil.getTime()],
    ['metric_rollup_day', startOfLocalDay, rolledUntil.getTime()],
    ['metric_rollup_month', startOfLocalMonth, monthsUntil?.getTime() ?? -Infinity],
  ];
  for (let i = 0; i < late.length; i += CHUNK) {
    for (const [tier, bucketOf, until] of tiers) {
      const chunk = late.slice(i, i + CHUNK).filter((r) => r.bucketStart.getTime() < until);
      if (chunk.length === 0) continue;
      const params: unknown[] = [];
      // samples 0: the delta may land in a 5-minute bucket that already had a value (samples count a gauge's values; counters are never late).
      for (const r of chunk) params.push(r.hubId, r.metric, storedDate(source, bucketOf(r.bucketStart)), r.value, 0);
      await addIntoTier(manager, source, tier, `VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, params);
    }
  }
}

/**
 * Writes rollup rows inside the caller's transaction, one multi-row upsert per chunk: `add`
 * adds to a counter's bucket, `set` replaces a gauge's (its last value in the bucket).
 */
export async function writeRollups(manager: EntityManager, source: DataSource, rows: readonly BucketValue[], mode: 'add' | 'set'): Promise<void> {
  const column = source.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  const mysql = source.options.type !== 'better-sqlite3';
  // The state row first, as the retention job takes it: the two never wait on each other's rollup rows.
  const tiers = mode === 'add' && rows.length > 0 ? await tierStateLocked(manager, source) : null;
  const update = mysql ? (mode === 'add' ? 'value = value + VALUES(value)' : 'value = VALUES(value)') : mode === 'add' ? 'value = value + excluded.value' : 'value = excluded.value';
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    for (const r of chunk) params.push(r.hubId, r.metric, source.driver.preparePersistentValue(r.bucketStart, column), r.value);
    const insert = `INSERT INTO metric_rollup (hub_id, metric, bucket_start, value) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`;
    await manager.query(mysql ? `${insert} ON DUPLICATE KEY UPDATE ${update}` : `${insert} ON CONFLICT (hub_id, metric, bucket_start) DO UPDATE SET ${update}`, params);
  }
  if (tiers) await addToRolledTiers(manager, source, rows, tiers);
}
