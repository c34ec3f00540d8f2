/** Highest first, ties by id; equal values share a rank (1, 2, 2, 4). Returns each id's rank. */
export function ranksOf(values: readonly { id: number; value: number }[]): Map<number, number> {
  const sorted = [...values].sort((a, b) => b.value - a.value || a.id - b.id);
  const ranks = new Map<number, number>();
  let rank = 0;
  sorted.forEach((entry, i) => {
    if (i === 0 || sorted[i - 1].value !== entry.value) rank = i + 1;
    ranks.set(entry.id, rank);
  });
  return ranks;
}

/** Ranks within each group (district, street). */
export function ranksWithin<T extends { id: number; value: number }>(values: readonly T[], groupOf: (entry: T) => string): Map<number, number> {
  const groups = new Map<string, T[]>();
  for (const entry of values) groups.set(groupOf(entry), [...(groups.get(groupOf(entry)) ?? []), entry]);
  const ranks = new Map<number, number>();
  for (const group of groups.values()) for (const [id, rank] of ranksOf(group)) ranks.set(id, rank);
  return ranks;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
