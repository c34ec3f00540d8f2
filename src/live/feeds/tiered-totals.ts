import type { DataSource } from 'typeorm';
import { MetricRollup } from './metric-rollup.entity';
import { RollupTierState } from './rollup-tier.entity';
import { addLocalMonths, startOfLocalMonth } from '../../core/time/local-time';

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
 * Each hub's totals of these metrics over each period, from the tiers: month rows for the whole
 * months the month tier has, day rows for the other rolled days, the 5-minute rows after. Periods must start and
 * end at Asia/Shanghai midnights (a day row is in a period whole or not at all). Two statements
 * whatever the periods' length: the state row, then one grouped branch per tier and period.
 */
export async function tieredTotals(hub: DataSource, metrics: readonly string[], periods: readonly Period[]): Promise<PeriodTotals> {
  const totals: PeriodTotals = periods.map(() => new Map());
  if (metrics.length === 0 || periods.length === 0) return totals;
  const state = await hub.getRepository(RollupTierState).findOne({ where: { id: 1 } });
  const rolled = state?.rolledUntil?.getTime() ?? -Infinity;
  const months = state?.monthsUntil?.getTime() ?? -Infinity;
  const column = hub.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  const at = (date: Date) => hub.driver.preparePersistentValue(date, column);
  const names = metrics.map(() => '?').join(', ');
  const branches: string[] = [];
  const params: unknown[] = [];
  const branch = (p: number, table: string, from: number, to: number) => {
    if (to <= from) return;
    const samples = table === 'metric_rollup' ? 'COUNT(*)' : 'SUM(samples)';
    branches.push(`SELECT ${p} AS p, hub_id, metric, SUM(value) AS value, ${samples} AS samples FROM ${table} WHERE metric IN (${names}) AND bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric`);
    params.push(...metrics, at(new Date(from)), at(new Date(to)));
  };
  periods.forEach(({ from, to }, p) => {
    // 5-minute rows after `rolled`; before it, whole months' rows where the month tier has them, days at the edges.
    const split = Math.min(Math.max(rolled, from.getTime()), to.getTime());
    const firstMonth = startOfLocalMonth(from).getTime() === from.getTime() ? from.getTime() : addLocalMonths(from, 1).getTime();
    const lastMonth = Math.min(startOfLocalMonth(new Date(split)).getTime(), months);
    if (firstMonth < lastMonth) {
      branch(p, 'metric_rollup_day', from.getTime(), firstMonth);
      branch(p, 'metric_rollup_month', firstMonth, lastMonth);
      branch(p, 'metric_rollup_day', lastMonth, split);
    } else branch(p, 'metric_rollup_day', from.getTime(), split);
    branch(p, 'metric_rollup', split, to.getTime());
  });
  if (branches.length === 0) return totals;
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
