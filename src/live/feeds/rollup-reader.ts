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

/** The 5-minute rollups of these metrics for these hubs in [from, to), one row per hub, metric and bucket. */
export async function rollupsOfHubs(hub: DataSource, hubIds: readonly number[], metrics: readonly string[], from: Date, to: Date): Promise<RollupRow[]> {
  if (hubIds.length === 0 || metrics.length === 0) return [];
  const rows = await rollups(hub)
    .select(['r.hubId AS hubId', 'r.metric AS metric', 'r.bucketStart AS bucketStart', 'r.value AS value'])
    .where('r.hubId IN (:...hubIds) AND r.metric IN (:...metrics) AND r.bucketStart >= :from AND r.bucketStart < :to', { hubIds: [...hubIds], metrics: [...metrics], from, to })
    .getRawMany<RawRow>();
  return hydrate(hub, rows);
}

/**
 * The 5-minute buckets of these metrics over these hubs (every hub when null) in [from, to),
 * each summed over the hubs by the database: an area's curve is a bucket's worth of rows.
 */
export async function rollupSumsOf(hub: DataSource, hubIds: readonly number[] | null, metrics: readonly string[], from: Date, to: Date): Promise<RollupRow[]> {
  if ((hubIds !== null && hubIds.length === 0) || metrics.length === 0) return [];
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
