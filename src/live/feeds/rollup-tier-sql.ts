import type { DataSource, EntityManager } from 'typeorm';
import { MetricRollup } from './metric-rollup.entity';

export type Tier = 'metric_rollup_hour' | 'metric_rollup_day' | 'metric_rollup_month';

const isMysql = (source: DataSource) => source.options.type !== 'better-sqlite3';

/** A date as the hub source stores it (a string on SQLite): for raw statements. */
export function storedDate(source: DataSource, at: Date): unknown {
  return source.driver.preparePersistentValue(at, source.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!);
}

/** Adds to a tier's rows (value and samples), creating them: `select` yields hub_id, metric, bucket_start, value, samples. */
export async function addIntoTier(manager: EntityManager, source: DataSource, tier: Tier, select: string, params: unknown[]): Promise<void> {
  const insert = `INSERT INTO ${tier} (hub_id, metric, bucket_start, value, samples) ${select}`;
  await manager.query(
    isMysql(source)
      ? `${insert} ON DUPLICATE KEY UPDATE value = value + VALUES(value), samples = samples + VALUES(samples)`
      : // SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT, or it reads the ON as a join's.
        `${/^SELECT /.test(select) && !select.includes(' WHERE ') ? `${insert} WHERE true` : insert} ON CONFLICT (hub_id, metric, bucket_start) DO UPDATE SET value = value + excluded.value, samples = samples + excluded.samples`,
    params,
  );
}

/** Reads the tier state row, locking it against the retention job (which takes it exclusively) until the transaction ends. */
export async function tierStateLocked(manager: EntityManager, source: DataSource): Promise<{ rolledUntil: Date | null; monthsUntil: Date | null }> {
  const rows: { rolled_until: unknown; months_until: unknown }[] = await manager.query(`SELECT rolled_until, months_until FROM rollup_tier_state WHERE id = 1${isMysql(source) ? ' LOCK IN SHARE MODE' : ''}`);
  const column = source.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  const date = (value: unknown) => (value === null || value === undefined ? null : (source.driver.prepareHydratedValue(value, column) as Date));
  return { rolledUntil: date(rows[0]?.rolled_until), monthsUntil: date(rows[0]?.months_until) };
}
