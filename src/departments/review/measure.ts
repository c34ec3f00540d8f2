import { BadUserInputError } from '../../core/errors/hub-errors';
import type { MetricCatalog } from '../../live/metrics/metric-catalog';
import { RankBy } from './rank-by';

/** What a ranking reads: a declared metric's rollups (a counter's sum, a gauge's mean), or civil's activities. */
export type Measure = { kind: 'rollup'; metric: string; gauge: boolean; title: string; unit: string | null } | { kind: 'activities' | 'bookings'; title: string; unit: string };

const ACTIVITIES: Measure = { kind: 'activities', title: '活动场次', unit: '场' };
const BOOKINGS: Measure = { kind: 'bookings', title: '预约人次', unit: '人次' };

/** The metric each RankBy of a metric reads (declared by iot and health). */
const RANK_METRIC: Partial<Record<RankBy, string>> = { [RankBy.FOOTFALL]: 'footfall', [RankBy.MEALS]: 'meals' };

/** Exactly one of `by` and `metric`; a metric must be declared and have rollups (a derived one, a level at an instant, has no period total). */
export function measureOf(by: RankBy | null | undefined, metric: string | null | undefined, catalog: MetricCatalog): Measure {
  if ((by == null) === (metric == null)) throw new BadUserInputError('give exactly one of by and metric', by == null ? 'by' : 'metric');
  if (by === RankBy.ACTIVITIES) return ACTIVITIES;
  if (by === RankBy.BOOKINGS) return BOOKINGS;
  const name = by != null ? RANK_METRIC[by]! : metric!;
  const declared = catalog.find(name);
  if (!declared) {
    throw new BadUserInputError(`metric: "${name}" is not a declared metric; known: ${catalog.metrics.filter((m) => m.kind !== 'derived').map((m) => m.name).join(', ')}`, 'metric');
  }
  // Recounted metrics keep no rollups: the activities of the day are civil's rows themselves.
  if (declared.kind === 'recount') {
    if (name === 'activities') return ACTIVITIES;
    throw new BadUserInputError(`metric: "${name}" is recounted per day and keeps no rollups`, 'metric');
  }
  if (declared.kind === 'derived') throw new BadUserInputError(`metric: "${name}" is derived from ${declared.from.join(', ')} at an instant; it has no total over a period`, 'metric');
  return { kind: 'rollup', metric: name, gauge: declared.kind === 'gauge', title: declared.title.replace(/^今日/, ''), unit: declared.unit ?? null };
}
