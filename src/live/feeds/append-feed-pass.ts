import type { DataSource } from 'typeorm';
import type { AppendFeed, AppendedRow } from '../../core/departments/change-feed';
import { writeRollups } from './rollup-writer';
import { bucketDeltas } from './rollup-buckets';
import { CursorMovedError, saveCursor, type CursorState } from './cursor-store';
import { closeFound, giveUpGaps, openGapsBetween, type GivenUp } from './open-gaps';
import { serialTransaction } from '../../core/data-sources/serial-transaction';

export interface AppendPassResult {
  /** The rows counted by this pass (committed with the cursor). */
  rows: AppendedRow[];
  /** Nothing more past the watermark, nor in the open gaps, right now. */
  caughtUp: boolean;
  /** The cursor as saved. */
  cursor: CursorState;
  /** Open ranges given up by this pass: at the end of their grace period, or early, past the bound. */
  expired: GivenUp['expired'];
  overflow: GivenUp['overflow'];
}

/** Open ranges re-read per statement. */
const RANGES_PER_READ = 200;

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
  const { batchSize } = options;
  const found: AppendedRow[] = [];
  for (let i = 0; i < cursor.gaps.length && found.length < batchSize; i += RANGES_PER_READ) {
    found.push(...(await feed.readRanges(department, cursor.gaps.slice(i, i + RANGES_PER_READ), batchSize - found.length)));
  }
  const fresh = await feed.readAfter(department, cursor.watermark, batchSize);
  const nowMs = options.now().getTime();
  const opened = openGapsBetween(
    closeFound(cursor.gaps, found.map((r) => r.id)),
    cursor.watermark,
    fresh.map((r) => r.id),
    nowMs,
  );
  const { gaps, expired, overflow } = giveUpGaps(opened, nowMs, options.gapGraceMs);
  const watermark = fresh.length > 0 ? fresh[fresh.length - 1].id : cursor.watermark;
  const rows = [...found, ...fresh];
  const caughtUp = fresh.length < batchSize && found.length < batchSize;

  if (rows.length === 0 && expired.ranges === 0 && overflow.ranges === 0) return { rows, caughtUp, cursor, expired, overflow };

  const next = { watermark, cursorTime: null, gaps };
  const savedAt = options.now();
  await serialTransaction(hub, async (manager) => {
    if (!(await saveCursor(manager, feed.name, next, cursor.version, savedAt))) throw new CursorMovedError(feed.name);
    await writeRollups(manager, hub, bucketDeltas(rows), 'add');
  });
  return { rows, caughtUp, cursor: { ...next, version: cursor.version + 1, updatedAt: savedAt }, expired, overflow };
}
