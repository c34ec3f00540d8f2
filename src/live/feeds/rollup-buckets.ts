import type { RollupRow } from '../../core/departments/change-feed';

export const BUCKET_MS = 5 * 60 * 1000;

/** The start of the 5-minute bucket holding `at` (UTC-aligned, which is also aligned in UTC+8). */
export function bucketOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
}

export interface BucketDelta {
  hubId: number;
  bucketStart: Date;
  entered: number;
  exited: number;
  meals: number;
}

/**
 * Sums rows per (hub, bucket): one upsert per bucket instead of one per row. In key order, so
 * that two feeds' transactions lock the rollup rows they share in the same order (no deadlock).
 */
export function bucketDeltas(rows: readonly RollupRow[]): BucketDelta[] {
  const deltas = new Map<string, BucketDelta>();
  for (const row of rows) {
    const bucketStart = bucketOf(row.at);
    const key = `${row.hubId}/${bucketStart.getTime()}`;
    const d = deltas.get(key) ?? { hubId: row.hubId, bucketStart, entered: 0, exited: 0, meals: 0 };
    d.entered += row.entered;
    d.exited += row.exited;
    d.meals += row.meals;
    deltas.set(key, d);
  }
  return [...deltas.values()].sort((a, b) => a.hubId - b.hubId || a.bucketStart.getTime() - b.bucketStart.getTime());
}
