import type { DataSource, EntityManager } from 'typeorm';
import type { BucketValue } from './rollup-buckets';
import { MetricRollup } from './metric-rollup.entity';

const CHUNK = 200;

/**
 * Writes rollup rows inside the caller's transaction, one multi-row upsert per chunk: `add`
 * adds to a counter's bucket, `set` replaces a gauge's (its last value in the bucket).
 */
export async function writeRollups(manager: EntityManager, source: DataSource, rows: readonly BucketValue[], mode: 'add' | 'set'): Promise<void> {
  const column = source.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  const mysql = source.options.type !== 'better-sqlite3';
  const update = mysql ? (mode === 'add' ? 'value = value + VALUES(value)' : 'value = VALUES(value)') : mode === 'add' ? 'value = value + excluded.value' : 'value = excluded.value';
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    for (const r of chunk) params.push(r.hubId, r.metric, source.driver.preparePersistentValue(r.bucketStart, column), r.value);
    const insert = `INSERT INTO metric_rollup (hub_id, metric, bucket_start, value) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`;
    await manager.query(mysql ? `${insert} ON DUPLICATE KEY UPDATE ${update}` : `${insert} ON CONFLICT (hub_id, metric, bucket_start) DO UPDATE SET ${update}`, params);
  }
}
