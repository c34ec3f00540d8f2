import { BadUserInputError } from '../../core/errors/hub-errors';
import { addDays, startOfLocalDay } from '../../core/time/local-time';
import { BUCKET_MS } from '../feeds/rollup-buckets';
import type { RollupSums } from '../feeds/rollup-reader';
import { TimeBucket, type FootfallPoint } from './live-types';

/** A series longer than this is refused: ask for a coarser bucket. */
export const MAX_SERIES_POINTS = 2_000;
const HOUR_MS = 3_600_000;

/** What a series covers: buckets of [from, to). */
export interface SeriesRange {
  from: Date;
  to: Date;
  bucket: TimeBucket;
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
 * Every bucket of the range at zero, the first the one holding `from`; refuses a range that
 * ends before it starts or has more than MAX_SERIES_POINTS buckets.
 */
export function emptySeries({ from, to, bucket }: SeriesRange): FootfallPoint[] {
  if (!(from < to)) throw new BadUserInputError('from must be before to', 'from');
  const points: FootfallPoint[] = [];
  for (let at = bucketStart(from, bucket); at < to; at = nextBucket(at, bucket)) {
    if (points.length >= MAX_SERIES_POINTS) {
      throw new BadUserInputError(`a series has at most ${MAX_SERIES_POINTS} points: shorten the range or use a larger bucket`, 'bucket');
    }
    points.push({ at, entered: 0, exited: 0, meals: 0 });
  }
  return points;
}

/** Adds 5-minute rollups into the buckets that hold them (HOUR and DAY sum several). */
export function addRollups(points: FootfallPoint[], bucket: TimeBucket, rollups: Iterable<RollupSums>): FootfallPoint[] {
  const index = new Map(points.map((point) => [point.at.getTime(), point]));
  for (const rollup of rollups) {
    const point = index.get(bucketStart(rollup.bucketStart, bucket).getTime());
    if (!point) continue;
    point.entered += rollup.entered;
    point.exited += rollup.exited;
    point.meals += rollup.meals;
  }
  return points;
}
