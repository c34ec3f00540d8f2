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

/** One hub's 5-minute rollups in [from, to), oldest first. */
export function rollupsOf(hub: DataSource, hubId: number, from: Date, to: Date): Promise<MetricRollup[]> {
  return hub
    .getRepository(MetricRollup)
    .createQueryBuilder('r')
    .where('r.hubId = :hubId AND r.bucketStart >= :from AND r.bucketStart < :to', { hubId, from, to })
    .orderBy('r.bucketStart', 'ASC')
    .getMany();
}
