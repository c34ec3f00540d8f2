import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../../core/errors/hub-errors';
import { addDays, startOfLocalDay } from '../../core/time/local-time';
import { BUCKET_MS } from '../feeds/rollup-buckets';
import { rollupsOf } from '../feeds/rollup-reader';
import { TimeBucket } from './live-types';
import type { FootfallPoint } from './live-types';

/** A series longer than this is refused: ask for a coarser bucket. */
export const MAX_SERIES_POINTS = 2_000;
const HOUR_MS = 3_600_000;

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
 * A hub's footfall and meals per bucket for [from, to), every bucket present (zeros included),
 * summed from the 5-minute rollups. The first bucket is the one holding `from`.
 */
export async function footfallSeries(hub: DataSource, hubId: number, from: Date, to: Date, bucket: TimeBucket): Promise<FootfallPoint[]> {
  if (!(from < to)) throw new BadUserInputError('from must be before to', 'from');
  const points: FootfallPoint[] = [];
  const index = new Map<number, FootfallPoint>();
  for (let at = bucketStart(from, bucket); at < to; at = nextBucket(at, bucket)) {
    if (points.length >= MAX_SERIES_POINTS) {
      throw new BadUserInputError(`a series has at most ${MAX_SERIES_POINTS} points: shorten the range or use a larger bucket`, 'bucket');
    }
    const point = { at, entered: 0, exited: 0, meals: 0 };
    points.push(point);
    index.set(at.getTime(), point);
  }
  const first = points[0].at;
  for (const rollup of await rollupsOf(hub, hubId, first, to)) {
    const point = index.get(bucketStart(rollup.bucketStart, bucket).getTime());
    if (!point) continue;
    point.entered += rollup.entered;
    point.exited += rollup.exited;
    point.meals += rollup.meals;
  }
  return points;
}
