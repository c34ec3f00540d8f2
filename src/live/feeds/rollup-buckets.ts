import type { AppendedRow } from '../../core/departments/change-feed';

export const BUCKET_MS = 5 * 60 * 1000;

/** The start of the 5-minute bucket holding `at` (UTC-aligned, which is also aligned in UTC+8). */
export function bucketOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
}

/** What one statement adds to (counters) or sets in (gauges) one rollup row. */
export interface BucketValue {
  hubId: number;
  metric: string;
  bucketStart: Date;
  value: number;
}

/** Rollup rows in key order, so that two feeds' transactions lock the rows they share in the same order (no deadlock). */
function inKeyOrder(values: BucketValue[]): BucketValue[] {
  return values.sort((a, b) => a.hubId - b.hubId || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) || a.bucketStart.getTime() - b.bucketStart.getTime());
}

/** Sums rows per (hub, metric, bucket): one upsert per bucket instead of one per row. */
export function bucketDeltas(rows: readonly AppendedRow[]): BucketValue[] {
  const deltas = new Map<string, BucketValue>();
  for (const row of rows) {
    const bucketStart = bucketOf(row.at);
    for (const metric in row.values) {
      const key = `${row.hubId}/${metric}/${bucketStart.getTime()}`;
      const d = deltas.get(key) ?? { hubId: row.hubId, metric, bucketStart, value: 0 };
      d.value += row.values[metric];
      deltas.set(key, d);
    }
  }
  return inKeyOrder([...deltas.values()]);
}

/** A gauge's hubs' values now, for the bucket of `at`: its last value in the bucket. */
export function gaugeBucketValues(metric: string, values: ReadonlyMap<number, number>, at: Date): BucketValue[] {
  const bucketStart = bucketOf(at);
  return inKeyOrder([...values].map(([hubId, value]) => ({ hubId, metric, bucketStart, value })));
}
