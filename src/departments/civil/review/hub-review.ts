/** A hub's total over a period, with what the review needs to know of the hub. */
export interface HubTotal {
  id: number;
  capacity: number | null;
  value: number;
}

/** Highest first, ties by id; equal values share a rank (1, 2, 2, 4). */
export function rankHubs(totals: readonly HubTotal[]): { rank: number; total: HubTotal }[] {
  const sorted = [...totals].sort((a, b) => b.value - a.value || a.id - b.id);
  let rank = 0;
  return sorted.map((total, i) => {
    if (i === 0 || sorted[i - 1].value !== total.value) rank = i + 1;
    return { rank, total };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Hubs whose footfall per place of capacity is below `threshold` × the median hub's, least
 * visited first. Hubs without a capacity are left out (nothing to compare them by); when the
 * median is 0 (no footfall recorded) no hub is called cold.
 */
export function coldHubs(totals: readonly HubTotal[], threshold: number) {
  const sized = totals.filter((t) => t.capacity !== null && t.capacity > 0).map((t) => ({ ...t, perCapacity: t.value / t.capacity! }));
  const typical = median(sized.map((t) => t.perCapacity));
  if (!(typical > 0)) return [];
  return sized
    .map((t) => ({ ...t, shareOfMedian: t.perCapacity / typical }))
    .filter((t) => t.shareOfMedian < threshold)
    .sort((a, b) => a.shareOfMedian - b.shareOfMedian || a.id - b.id);
}
