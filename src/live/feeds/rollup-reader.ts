import type { DataSource } from 'typeorm';
import type { CounterName } from '../state/metric-patch';
import { MetricRollup } from './metric-rollup.entity';

/** Per hub, the sums of the rollups in [from, to): what the live state is rebuilt from. */
export async function rollupTotals(hub: DataSource, from: Date, to: Date): Promise<Map<number, Record<Exclude<CounterName, 'activities'>, number>>> {
  const rows = await hub
    .getRepository(MetricRollup)
    .createQueryBuilder('r')
    .select('r.hubId', 'hubId')
    .addSelect('SUM(r.entered)', 'entered')
    .addSelect('SUM(r.exited)', 'exited')
    .addSelect('SUM(r.meals)', 'meals')
    .where('r.bucketStart >= :from AND r.bucketStart < :to', { from, to })
    .groupBy('r.hubId')
    .getRawMany<{ hubId: string | number; entered: string | number; exited: string | number; meals: string | number }>();
  return new Map(rows.map((r) => [Number(r.hubId), { entered: Number(r.entered), exited: Number(r.exited), meals: Number(r.meals) }]));
}

/** A 5-minute bucket's sums: of one hub, or of several together. */
export type RollupSums = Pick<MetricRollup, 'bucketStart' | 'entered' | 'exited' | 'meals'>;

/** The 5-minute rollups of these hubs in [from, to), in one statement. */
export function rollupsOfHubs(hub: DataSource, hubIds: readonly number[], from: Date, to: Date): Promise<MetricRollup[]> {
  if (hubIds.length === 0) return Promise.resolve([]);
  return hub
    .getRepository(MetricRollup)
    .createQueryBuilder('r')
    .where('r.hubId IN (:...hubIds) AND r.bucketStart >= :from AND r.bucketStart < :to', { hubIds: [...hubIds], from, to })
    .getMany();
}

/**
 * The 5-minute buckets of these hubs (every hub when null) in [from, to), each summed over the
 * hubs by the database: a district's curve is a bucket's worth of rows, not a hub's worth each.
 */
export async function rollupSumsOf(hub: DataSource, hubIds: readonly number[] | null, from: Date, to: Date): Promise<RollupSums[]> {
  if (hubIds !== null && hubIds.length === 0) return [];
  const query = hub
    .getRepository(MetricRollup)
    .createQueryBuilder('r')
    .select('r.bucketStart', 'bucketStart')
    .addSelect('SUM(r.entered)', 'entered')
    .addSelect('SUM(r.exited)', 'exited')
    .addSelect('SUM(r.meals)', 'meals')
    .where('r.bucketStart >= :from AND r.bucketStart < :to', { from, to })
    .groupBy('r.bucketStart');
  if (hubIds !== null) query.andWhere('r.hubId IN (:...hubIds)', { hubIds: [...hubIds] });
  const rows = await query.getRawMany<{ bucketStart: unknown; entered: string | number; exited: string | number; meals: string | number }>();
  // Raw rows hold the driver's own datetime form (a string on SQLite): hydrated as the entity would be.
  const column = hub.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  return rows.map((row) => ({
    bucketStart: hub.driver.prepareHydratedValue(row.bucketStart, column) as Date,
    entered: Number(row.entered),
    exited: Number(row.exited),
    meals: Number(row.meals),
  }));
}
