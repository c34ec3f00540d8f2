import type { DataSource } from 'typeorm';
import { MetricRollup } from './metric-rollup.entity';

/** One rollup row as read: of one hub, or summed over several (`hubId` null). */
export interface RollupRow {
  hubId: number | null;
  metric: string;
  bucketStart: Date;
  value: number;
}

type RawRow = { hubId?: string | number; metric: string; bucketStart: unknown; value: string | number };

/** Raw rows hold the driver's own datetime form (a string on SQLite): hydrated as the entity would be. */
function hydrate(hub: DataSource, rows: RawRow[]): RollupRow[] {
  const column = hub.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  return rows.map((r) => ({
    hubId: r.hubId === undefined ? null : Number(r.hubId),
    metric: r.metric,
    bucketStart: hub.driver.prepareHydratedValue(r.bucketStart, column) as Date,
    value: Number(r.value),
  }));
}

const rollups = (hub: DataSource) => hub.getRepository(MetricRollup).createQueryBuilder('r');

/**
 * Where an HOUR or DAY series reads the buckets that the retention job has purged from the
 * 5-minute rows (older than ROLLUP_5MIN_DAYS): the hour or the day tier. A FIVE_MINUTES series
 * has none (undefined): it covers the days the 5-minute rows are kept.
 */
export type CoarseTier = 'metric_rollup_hour' | 'metric_rollup_day';

/**
 * The rows of [from, to) in one statement: 5-minute rows from where the job purged them on,
 * `coarse` rows before it (a gauge's as its mean). The split is read in the same statement, so an
 * instance that did not run the job reads it right too, and no bucket is counted twice.
 */
async function tieredRows(hub: DataSource, coarse: CoarseTier, hubIds: readonly number[] | null, metrics: readonly string[], from: Date, to: Date, perHub: boolean, gauges: ReadonlySet<string>): Promise<RollupRow[]> {
  const column = hub.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  const at = (date: Date) => hub.driver.preparePersistentValue(date, column);
  const split = '(SELECT purged_before FROM rollup_tier_state WHERE id = 1)';
  const names = metrics.map(() => '?').join(', ');
  const hubs = hubIds === null ? '' : ` AND hub_id IN (${hubIds.map(() => '?').join(', ')})`;
  const where = `metric IN (${names})${hubs} AND bucket_start >= ? AND bucket_start < ?`;
  const params = [...metrics, ...(hubIds ?? []), at(from), at(to)];
  const gaugeList = [...gauges].map(() => '?').join(', ');
  const coarseValue = gauges.size > 0 ? `CASE WHEN metric IN (${gaugeList}) THEN value / samples ELSE value END` : 'value';
  const [select, group] = perHub ? ['hub_id AS hubId, metric, bucket_start AS bucketStart, ', ''] : ['metric, bucket_start AS bucketStart, SUM(', ' GROUP BY metric, bucket_start'];
  const close = perHub ? '' : ')';
  const sql =
    `SELECT ${select}value${close} AS value FROM metric_rollup WHERE ${where} AND (${split} IS NULL OR bucket_start >= ${split})${group}` +
    ` UNION ALL SELECT ${select}${coarseValue}${close} AS value FROM ${coarse} WHERE ${where} AND bucket_start < ${split}${group}`;
  return hydrate(hub, await hub.query(sql, [...params, ...(gauges.size > 0 ? [...gauges] : []), ...params]));
}

/** Per hub, the sums of these metrics' rollups in [from, to): what the day's counts are rebuilt from, and what rankings rank. */
export async function rollupTotals(hub: DataSource, metrics: readonly string[], from: Date, to: Date): Promise<Map<number, Record<string, number>>> {
  if (metrics.length === 0) return new Map();
  const rows = await rollups(hub)
    .select('r.hubId', 'hubId')
    .addSelect('r.metric', 'metric')
    .addSelect('SUM(r.value)', 'value')
    .where('r.metric IN (:...metrics) AND r.bucketStart >= :from AND r.bucketStart < :to', { metrics: [...metrics], from, to })
    .groupBy('r.hubId')
    .addGroupBy('r.metric')
    .getRawMany<{ hubId: string | number; metric: string; value: string | number }>();
  const totals = new Map<number, Record<string, number>>();
  for (const row of rows) {
    const id = Number(row.hubId);
    totals.set(id, { ...totals.get(id), [row.metric]: Number(row.value) });
  }
  return totals;
}

/** The rollups of these metrics for these hubs in [from, to), one row per hub, metric and bucket (5-minute, or `coarse` where those are purged). */
export async function rollupsOfHubs(hub: DataSource, hubIds: readonly number[], metrics: readonly string[], from: Date, to: Date, coarse?: CoarseTier, gauges: ReadonlySet<string> = new Set()): Promise<RollupRow[]> {
  if (hubIds.length === 0 || metrics.length === 0) return [];
  if (coarse) return tieredRows(hub, coarse, hubIds, metrics, from, to, true, gauges);
  const rows = await rollups(hub)
    .select(['r.hubId AS hubId', 'r.metric AS metric', 'r.bucketStart AS bucketStart', 'r.value AS value'])
    .where('r.hubId IN (:...hubIds) AND r.metric IN (:...metrics) AND r.bucketStart >= :from AND r.bucketStart < :to', { hubIds: [...hubIds], metrics: [...metrics], from, to })
    .getRawMany<RawRow>();
  return hydrate(hub, rows);
}

/**
 * The buckets of these metrics over these hubs (every hub when null) in [from, to), each summed
 * over the hubs by the database: an area's curve is a bucket's worth of rows (5-minute, or
 * `coarse` where those are purged).
 */
export async function rollupSumsOf(hub: DataSource, hubIds: readonly number[] | null, metrics: readonly string[], from: Date, to: Date, coarse?: CoarseTier): Promise<RollupRow[]> {
  if ((hubIds !== null && hubIds.length === 0) || metrics.length === 0) return [];
  if (coarse) return tieredRows(hub, coarse, hubIds, metrics, from, to, false, new Set());
  const query = rollups(hub)
    .select('r.metric', 'metric')
    .addSelect('r.bucketStart', 'bucketStart')
    .addSelect('SUM(r.value)', 'value')
    .where('r.metric IN (:...metrics) AND r.bucketStart >= :from AND r.bucketStart < :to', { metrics: [...metrics], from, to })
    .groupBy('r.metric')
    .addGroupBy('r.bucketStart');
  if (hubIds !== null) query.andWhere('r.hubId IN (:...hubIds)', { hubIds: [...hubIds] });
  return hydrate(hub, await query.getRawMany<RawRow>());
}

/** Each hub's last rollup of a gauge before `at`: where its series starts when nothing changed early in the range. */
export async function gaugeValuesBefore(hub: DataSource, hubIds: readonly number[], metric: string, at: Date): Promise<Map<number, number>> {
  if (hubIds.length === 0) return new Map();
  const latest = rollups(hub)
    .subQuery()
    .select('l.hubId', 'hubId')
    .addSelect('MAX(l.bucketStart)', 'bucketStart')
    .from(MetricRollup, 'l')
    .where('l.metric = :metric AND l.hubId IN (:...hubIds) AND l.bucketStart < :at')
    .groupBy('l.hubId')
    .getQuery();
  const rows = await rollups(hub)
    .select('r.hubId', 'hubId')
    .addSelect('r.value', 'value')
    .innerJoin(latest, 'latest', 'latest.hubId = r.hubId AND latest.bucketStart = r.bucketStart')
    .where('r.metric = :metric')
    .setParameters({ metric, hubIds: [...hubIds], at })
    .getRawMany<{ hubId: string | number; value: string | number }>();
  return new Map(rows.map((r) => [Number(r.hubId), Number(r.value)]));
}
