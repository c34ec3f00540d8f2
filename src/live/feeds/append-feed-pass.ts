import type { DataSource } from 'typeorm';
import type { AppendFeed, RollupRow } from '../../core/departments/change-feed';
import { addToRollups } from './rollup-writer';
import { bucketDeltas } from './rollup-buckets';
import { CursorMovedError, saveCursor, type CursorState } from './cursor-store';
import { expireGaps, openGapsBetween } from './open-gaps';
import { serialTransaction } from '../../core/data-sources/serial-transaction';

export interface AppendPassResult {
  /** The rows counted by this pass (committed with the cursor). */
  rows: RollupRow[];
  /** Nothing more past the watermark right now. */
  caughtUp: boolean;
  /** The cursor as saved. */
  cursor: CursorState;
  /** Gaps given up after their grace period, and ids skipped in too wide a jump. */
  expired: number;
  skipped: number;
}

const GAP_READ_CHUNK = 1_000;

/**
 * One batch of an append-only feed: re-read the open gaps, read past the watermark, then in one
 * hub-source transaction add the rows to the rollups and move the cursor (over the version read).
 */
export async function runAppendPass(
  feed: AppendFeed,
  department: DataSource,
  hub: DataSource,
  cursor: CursorState,
  options: { batchSize: number; gapGraceMs: number; now: () => Date },
): Promise<AppendPassResult> {
  const gaps = new Map(cursor.gaps);
  const found: RollupRow[] = [];
  const gapIds = [...gaps.keys()];
  for (let i = 0; i < gapIds.length; i += GAP_READ_CHUNK) found.push(...(await feed.readIds(department, gapIds.slice(i, i + GAP_READ_CHUNK))));
  for (const row of found) gaps.delete(row.id);

  const fresh = await feed.readAfter(department, cursor.watermark, options.batchSize);
  const nowMs = options.now().getTime();
  const skipped = openGapsBetween(gaps, cursor.watermark, fresh.map((r) => r.id), nowMs);
  const expired = expireGaps(gaps, nowMs, options.gapGraceMs);
  const watermark = fresh.length > 0 ? fresh[fresh.length - 1].id : cursor.watermark;
  const rows = [...found, ...fresh];
  const caughtUp = fresh.length < options.batchSize;

  const unchanged = rows.length === 0 && expired === 0 && gaps.size === cursor.gaps.size;
  if (unchanged) return { rows, caughtUp, cursor, expired, skipped };

  const next = { watermark, cursorTime: null, gaps };
  const savedAt = options.now();
  await serialTransaction(hub, async (manager) => {
    if (!(await saveCursor(manager, feed.name, next, cursor.version, savedAt))) throw new CursorMovedError(feed.name);
    await addToRollups(manager, hub, bucketDeltas(rows));
  });
  return { rows, caughtUp, cursor: { ...next, version: cursor.version + 1, updatedAt: savedAt }, expired, skipped };
}
