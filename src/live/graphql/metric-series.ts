import { BadUserInputError } from '../../core/errors/hub-errors';
import { addDays, startOfLocalDay } from '../../core/time/local-time';
import { BUCKET_MS } from '../feeds/rollup-buckets';
import type { CoarseTier, RollupRow } from '../feeds/rollup-reader';
import type { LiveService } from '../live-service';
import type { CatalogMetric } from '../metrics/metric-catalog';
import { TimeBucket } from './live-types';

/** A series longer than this is refused: ask for a coarser bucket. */
export const MAX_SERIES_POINTS = 2_000;
const HOUR_MS = 3_600_000;

/** What a series covers: buckets of [from, to). */
export interface SeriesRange {
  from: Date;
  to: Date;
  bucket: TimeBucket;
}

/** One bucket: each metric's value (a counter absent is 0; a gauge absent has no value yet). */
export interface SeriesPoint {
  at: Date;
  values: Map<string, number>;
}

function bucketStart(at: Date, bucket: TimeBucket): Date {
  if (bucket === TimeBucket.DAY) return startOfLocalDay(at);
  const size = bucket === TimeBucket.HOUR ? HOUR_MS : BUCKET_MS;
  // UTC+8 is a whole number of hours: UTC-aligned hours are local hours too.
  return new Date(Math.floor(at.getTime() / size) * size);
}

function nextBucket(at: Date, bucket: TimeBucket): Date {
  if (bucket === TimeBucket.DAY) return addDays(at, 1);
  return new Date(at.getTime() + (bucket === TimeBucket.HOUR ? HOUR_MS : BUCKET_MS));
}

/**
 * Every bucket of the range, empty, the first the one holding `from`; refuses a range that ends
 * before it starts or has more than MAX_SERIES_POINTS buckets.
 */
export function emptySeries({ from, to, bucket }: SeriesRange): SeriesPoint[] {
  if (!(from < to)) throw new BadUserInputError('from must be before to', 'from');
  const points: SeriesPoint[] = [];
  for (let at = bucketStart(from, bucket); at < to; at = nextBucket(at, bucket)) {
    if (points.length >= MAX_SERIES_POINTS) {
      throw new BadUserInputError(`a series has at most ${MAX_SERIES_POINTS} points: shorten the range or use a larger bucket`, 'bucket');
    }
    points.push({ at, values: new Map() });
  }
  return points;
}

/**
 * Puts 5-minute rollups into the buckets that hold them: a counter's are summed, a gauge's last
 * one is its value, carried on through buckets where it did not change (from `gaugesBefore`, its
 * value before the range, at the start).
 */
export function fillSeries(points: SeriesPoint[], bucket: TimeBucket, rollups: readonly RollupRow[], gauges: ReadonlySet<string>, gaugesBefore: ReadonlyMap<string, number> = new Map()): SeriesPoint[] {
  const index = new Map(points.map((point) => [point.at.getTime(), point]));
  const inOrder = [...rollups].sort((a, b) => a.bucketStart.getTime() - b.bucketStart.getTime());
  for (const rollup of inOrder) {
    const point = index.get(bucketStart(rollup.bucketStart, bucket).getTime());
    if (!point) continue;
    point.values.set(rollup.metric, gauges.has(rollup.metric) ? rollup.value : (point.values.get(rollup.metric) ?? 0) + rollup.value);
  }
  for (const gauge of gauges) {
    let last = gaugesBefore.get(gauge);
    for (const point of points) {
      const value = point.values.get(gauge);
      if (value !== undefined) last = value;
      else if (last !== undefined) point.values.set(gauge, last);
    }
  }
  return points;
}

/** The tier a series of this bucket reads where the 5-minute rows are purged: none for 5-minute buckets. */
export function coarseTierOf(bucket: TimeBucket): CoarseTier | undefined {
  if (bucket === TimeBucket.HOUR) return 'metric_rollup_hour';
  if (bucket === TimeBucket.DAY) return 'metric_rollup_day';
  return undefined;
}

/** A metric's value in a bucket: 0 for a counter with nothing, null for a gauge not known yet. */
export function valueIn(point: SeriesPoint, metric: CatalogMetric): number | null {
  return point.values.get(metric.name) ?? (metric.kind === 'gauge' ? null : 0);
}

/** The declared metric a series asks for; an unknown name, or one not kept in rollups, is refused, naming the ones that are. */
export function seriesMetric(live: LiveService, name: string, { areas = false } = {}): CatalogMetric {
  const kept = live.state.catalog.metrics.filter((m) => m.kind === 'dailyCounter' || (!areas && m.kind === 'gauge'));
  const metric = kept.find((m) => m.name === name);
  if (!metric) {
    throw new BadUserInputError(`metric: "${name}" has no ${areas ? 'area ' : ''}series; known: ${kept.map((m) => m.name).join(', ') || 'none'}`, 'metric');
  }
  return metric;
}
