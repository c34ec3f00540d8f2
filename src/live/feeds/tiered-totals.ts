import type { DataSource } from 'typeorm';
import { MetricRollup } from './metric-rollup.entity';
import { RollupTierState } from './rollup-tier.entity';

/** A metric's total over a period for one hub: the sum of its 5-minute values and how many there were. */
export interface TierTotal {
  value: number;
  samples: number;
}

/** Per period (in the order given), per hub, per metric. */
export type PeriodTotals = Map<number, Record<string, TierTotal>>[];

export interface Period {
  from: Date;
  to: Date;
}

/**
 * Each hub's totals of these metrics over each period, from the tiers: the day rows where the
 * 5-minute buckets have been rolled into days, the 5-minute rows after. Periods must start and
 * end at Asia/Shanghai midnights (a day row is in a period whole or not at all). Two statements
 * whatever the periods' length: the state row, then one grouped branch per tier and period.
 */
export async function tieredTotals(hub: DataSource, metrics: readonly string[], periods: readonly Period[]): Promise<PeriodTotals> {
  const totals: PeriodTotals = periods.map(() => new Map());
  if (metrics.length === 0 || periods.length === 0) return totals;
  const state = await hub.getRepository(RollupTierState).findOne({ where: { id: 1 } });
  const rolled = state?.rolledUntil?.getTime() ?? -Infinity;
  const column = hub.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  const at = (date: Date) => hub.driver.preparePersistentValue(date, column);
  const names = metrics.map(() => '?').join(', ');
  const branches: string[] = [];
  const params: unknown[] = [];
  periods.forEach(({ from, to }, p) => {
    const split = Math.min(Math.max(rolled, from.getTime()), to.getTime());
    if (split > from.getTime()) {
      branches.push(`SELECT ${p} AS p, hub_id, metric, SUM(value) AS value, SUM(samples) AS samples FROM metric_rollup_day WHERE metric IN (${names}) AND bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric`);
      params.push(...metrics, at(from), at(new Date(split)));
    }
    if (split < to.getTime()) {
      branches.push(`SELECT ${p} AS p, hub_id, metric, SUM(value) AS value, COUNT(*) AS samples FROM metric_rollup WHERE metric IN (${names}) AND bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric`);
      params.push(...metrics, at(new Date(split)), at(to));
    }
  });
  const rows: { p: number | string; hub_id: number | string; metric: string; value: number | string; samples: number | string }[] = await hub.query(branches.join(' UNION ALL '), params);
  for (const row of rows) {
    const byHub = totals[Number(row.p)];
    const id = Number(row.hub_id);
    const values = byHub.get(id) ?? {};
    const sum = values[row.metric] ?? { value: 0, samples: 0 };
    values[row.metric] = { value: sum.value + Number(row.value), samples: sum.samples + Number(row.samples) };
    byHub.set(id, values);
  }
  return totals;
}
