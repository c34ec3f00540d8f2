/**
 * Ids below a feed's watermark it has not seen yet, with when each was first missed. MySQL
 * hands out an id at insert and shows the row at commit, so id 101 can be visible before 100;
 * 100 stays open for a grace period and is re-read, then given up (a rolled-back insert or an
 * `INSERT IGNORE` duplicate leaves a hole that never fills).
 */
export type OpenGaps = Map<number, number>;

/** A jump wider than this is not enumerated id by id (an auto-increment reseed, not a hole). */
export const MAX_GAP_SPAN = 10_000;

export function parseGaps(text: string | null): OpenGaps {
  if (!text) return new Map();
  return new Map(JSON.parse(text) as [number, number][]);
}

export function serializeGaps(gaps: OpenGaps): string | null {
  return gaps.size === 0 ? null : JSON.stringify([...gaps]);
}

/**
 * Opens a gap for every id between `watermark` and the ids read (ascending) that is missing.
 * Returns the ids whose span was too wide to track (reported, not tracked).
 */
export function openGapsBetween(gaps: OpenGaps, watermark: number, idsRead: readonly number[], nowMs: number): number {
  let previous = watermark;
  let skipped = 0;
  for (const id of idsRead) {
    if (id - previous - 1 > MAX_GAP_SPAN) skipped += id - previous - 1;
    else for (let missing = previous + 1; missing < id; missing++) gaps.set(missing, nowMs);
    previous = id;
  }
  return skipped;
}

/** Closes the gaps whose grace period is over; returns how many. */
export function expireGaps(gaps: OpenGaps, nowMs: number, graceMs: number): number {
  let expired = 0;
  for (const [id, since] of gaps) {
    if (nowMs - since >= graceMs) {
      gaps.delete(id);
      expired++;
    }
  }
  return expired;
}
