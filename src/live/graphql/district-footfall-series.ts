import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../../core/errors/hub-errors';
import { addDays, startOfLocalDay } from '../../core/time/local-time';
import { MetricRollup } from '../feeds/metric-rollup.entity';
import { BUCKET_MS } from '../feeds/rollup-buckets';
import { MAX_SERIES_POINTS } from './footfall-series';
import { TimeBucket, type FootfallPoint } from './live-types';

const HOUR_MS = 3_600_000;

// The same buckets as a hub's footfallSeries (footfall-series.ts), so that the two add up.
function bucketStart(at: Date, bucket: TimeBucket): Date {
  if (bucket === TimeBucket.DAY) return startOfLocalDay(at);
  const size = bucket === TimeBucket.HOUR ? HOUR_MS : BUCKET_MS;
  return new Date(Math.floor(at.getTime() / size) * size);
}

function nextBucket(at: Date, bucket: TimeBucket): Date {
  if (bucket === TimeBucket.DAY) return addDays(at, 1);
  return new Date(at.getTime() + (bucket === TimeBucket.HOUR ? HOUR_MS : BUCKET_MS));
}

/**
 * Footfall and meals of several hubs together (every hub when `hubIds` is null) per bucket of
 * [from, to), zeros included: one statement summed by the database, whatever the number of
 * hubs, so that a wall screen's district curve does not cost a query per hub.
 */
export async function districtFootfallSeries(hub: DataSource, hubIds: readonly number[] | null, from: Date, to: Date, bucket: TimeBucket): Promise<FootfallPoint[]> {
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
  if (hubIds !== null && hubIds.length === 0) return points;

  const query = hub
    .getRepository(MetricRollup)
    .createQueryBuilder('r')
    .select('r.bucketStart', 'bucketStart')
    .addSelect('SUM(r.entered)', 'entered')
    .addSelect('SUM(r.exited)', 'exited')
    .addSelect('SUM(r.meals)', 'meals')
    .where('r.bucketStart >= :from AND r.bucketStart < :to', { from: points[0].at, to })
    .groupBy('r.bucketStart');
  if (hubIds !== null) query.andWhere('r.hubId IN (:...hubIds)', { hubIds });
  const rows = await query.getRawMany<{ bucketStart: unknown; entered: string | number; exited: string | number; meals: string | number }>();
  // Raw rows hold the driver's own datetime form (a string on SQLite): hydrate it as the entity would.
  const column = hub.getMetadata(MetricRollup).findColumnWithPropertyName('bucketStart')!;
  for (const row of rows) {
    const at = hub.driver.prepareHydratedValue(row.bucketStart, column) as Date;
    const point = index.get(bucketStart(at, bucket).getTime());
    if (!point) continue;
    point.entered += Number(row.entered);
    point.exited += Number(row.exited);
    point.meals += Number(row.meals);
  }
  return points;
}
