export interface HeapSample {
  minute: number;
  /** The page's JavaScript heap after a forced garbage collection. */
  heapMb: number;
}

/** Growth per minute over the samples after the first (warm-up) above which the heap is not flat: a leak of a few hundred KB a minute fills a kiosk in weeks. */
const MAX_GROWTH_MB_PER_MINUTE = 0.1;
/** And the last sample at most this much over the smallest after warm-up. */
const MAX_RISE_SHARE = 0.05;

/**
 * Whether a page's heap stayed flat: the least-squares slope of the samples after the first
 * minute (the fonts' and charts' caches fill then) under MAX_GROWTH_MB_PER_MINUTE, and the last
 * sample within MAX_RISE_SHARE of the lowest.
 */
export function wallHeapVerdict(samples: readonly HeapSample[]): { flat: boolean; reason: string } {
  const steady = samples.slice(1);
  if (steady.length < 2) return { flat: false, reason: 'too few samples (at least 3 minutes)' };
  const n = steady.length;
  const mx = steady.reduce((s, p) => s + p.minute, 0) / n;
  const my = steady.reduce((s, p) => s + p.heapMb, 0) / n;
  const slope = steady.reduce((s, p) => s + (p.minute - mx) * (p.heapMb - my), 0) / steady.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  const lowest = Math.min(...steady.map((p) => p.heapMb));
  const rise = steady[n - 1].heapMb / lowest - 1;
  const flat = slope < MAX_GROWTH_MB_PER_MINUTE && rise < MAX_RISE_SHARE;
  return {
    flat,
    reason: `from minute ${steady[0].minute} on, ${slope >= 0 ? '+' : ''}${(slope * 1024).toFixed(0)} KB a minute (bound ${MAX_GROWTH_MB_PER_MINUTE * 1024} KB); last ${steady[n - 1].heapMb.toFixed(2)} MB, ${(rise * 100).toFixed(1)} % over the lowest ${lowest.toFixed(2)} MB (bound ${MAX_RISE_SHARE * 100} %)`,
  };
}
