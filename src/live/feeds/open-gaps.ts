/**
 * Ids below a feed's watermark it has not seen yet, as ranges, each with when it was first
 * missed. MySQL hands out an id at insert and shows the row at commit, so id 101 can be visible
 * before 100: 100 stays open for a grace period and is re-read, then given up (a rolled-back
 * insert, an `INSERT IGNORE` duplicate or a reseed leaves a hole that never fills).
 *
 * A hole of any size is one range, so what is kept is bounded by the number of ranges, not by
 * the ids in them: at most MAX_OPEN_RANGES. Past that the oldest range is given up early.
 */
export interface GapRange {
  /** First and last missing id, inclusive. */
  from: number;
  to: number;
  /** Epoch ms when the range was first missed. */
  since: number;
}

/** Ascending by `from`, disjoint. */
export type OpenGaps = readonly GapRange[];

/**
 * The most ranges a feed keeps. Stored as `[from,to,since]` JSON, a range takes at most 40
 * characters: 1,000 of them fit the cursor's `text` column (65,535 bytes on MySQL) with room to spare.
 */
export const MAX_OPEN_RANGES = 1_000;

export function parseGaps(text: string | null): GapRange[] {
  if (!text) return [];
  const entries = JSON.parse(text) as number[][];
  // `[id, since]` pairs were written before ranges: each is a range of one id.
  return entries.map((e) => (e.length === 2 ? { from: e[0], to: e[0], since: e[1] } : { from: e[0], to: e[1], since: e[2] }));
}

export function serializeGaps(gaps: OpenGaps): string | null {
  return gaps.length === 0 ? null : JSON.stringify(gaps.map((g) => [g.from, g.to, g.since]));
}

export function idsIn(gaps: OpenGaps): number {
  return gaps.reduce((n, g) => n + g.to - g.from + 1, 0);
}

/** Adds a range for each hole between `watermark` and the ids read (ascending), whatever its size. */
export function openGapsBetween(gaps: OpenGaps, watermark: number, idsRead: readonly number[], nowMs: number): GapRange[] {
  const next = [...gaps];
  let previous = watermark;
  for (const id of idsRead) {
    if (id > previous + 1) next.push({ from: previous + 1, to: id - 1, since: nowMs });
    previous = id;
  }
  return next;
}

/** Takes the ids that became visible out of the ranges (splitting a range a found id lies inside). */
export function closeFound(gaps: OpenGaps, foundIds: readonly number[]): GapRange[] {
  if (foundIds.length === 0) return [...gaps];
  const found = [...foundIds].sort((a, b) => a - b);
  const next: GapRange[] = [];
  let i = 0;
  for (const gap of gaps) {
    while (i < found.length && found[i] < gap.from) i++;
    let from = gap.from;
    while (i < found.length && found[i] <= gap.to) {
      if (found[i] > from) next.push({ from, to: found[i] - 1, since: gap.since });
      from = found[i] + 1;
      i++;
    }
    if (from <= gap.to) next.push({ from, to: gap.to, since: gap.since });
  }
  return next;
}

export interface GivenUp {
  gaps: GapRange[];
  /** Ranges and ids whose grace period ended. */
  expired: { ranges: number; ids: number };
  /** Ranges and ids given up before their grace period ended, because more than MAX_OPEN_RANGES were open. */
  overflow: { ranges: number; ids: number };
}

/**
 * Gives up the ranges whose grace period is over, then, while more than `maxRanges` are open,
 * the oldest ones (earliest missed, then lowest ids).
 */
export function giveUpGaps(gaps: OpenGaps, nowMs: number, graceMs: number, maxRanges = MAX_OPEN_RANGES): GivenUp {
  const expired = gaps.filter((g) => nowMs - g.since >= graceMs);
  let open = gaps.filter((g) => nowMs - g.since < graceMs);
  let overflow: GapRange[] = [];
  if (open.length > maxRanges) {
    const byAge = [...open].sort((a, b) => a.since - b.since || a.from - b.from);
    overflow = byAge.slice(0, open.length - maxRanges);
    const dropped = new Set(overflow);
    open = open.filter((g) => !dropped.has(g));
  }
  return {
    gaps: open,
    expired: { ranges: expired.length, ids: idsIn(expired) },
    overflow: { ranges: overflow.length, ids: idsIn(overflow) },
  };
}
