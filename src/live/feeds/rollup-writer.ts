import type { DataSource, EntityManager } from 'typeorm';
import type { BucketDelta } from './rollup-buckets';
import { MetricRollup } from './metric-rollup.entity';

const CHUNK = 200;

/** Adds deltas to the rollups inside the caller's transaction: one multi-row upsert per chunk. */
export async function addToRollups(manager: EntityManager, source: DataSource, deltas: readonly BucketDelta[]): Promise<void> {
  const column = source.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  const mysql = source.options.type !== 'better-sqlite3';
  for (let i = 0; i < deltas.length; i += CHUNK) {
    const chunk = deltas.slice(i, i + CHUNK);
    const params: unknown[] = [];
    for (const d of chunk) params.push(d.hubId, source.driver.preparePersistentValue(d.bucketStart, column), d.entered, d.exited, d.meals);
    const values = chunk.map(() => '(?, ?, ?, ?, ?)').join(', ');
    const insert = `INSERT INTO metric_rollup (hub_id, bucket_start, entered, exited, meals) VALUES ${values}`;
    await manager.query(
      mysql
        ? `${insert} ON DUPLICATE KEY UPDATE entered = entered + VALUES(entered), exited = exited + VALUES(exited), meals = meals + VALUES(meals)`
        : `${insert} ON CONFLICT (hub_id, bucket_start) DO UPDATE SET entered = entered + excluded.entered, exited = exited + excluded.exited, meals = meals + excluded.meals`,
      params,
    );
  }
}
