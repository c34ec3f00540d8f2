import type { DataSource } from 'typeorm';
import type { RecountFeed } from '../../core/departments/change-feed';
import { CursorMovedError, saveCursor, type CursorState } from './cursor-store';
import { serialTransaction } from '../../core/data-sources/serial-transaction';

export interface RecountPassResult {
  /** Hubs whose rows changed: their count for the day is taken again. */
  hubIds: number[];
  caughtUp: boolean;
  cursor: CursorState;
}

export const EPOCH = new Date(0);

/**
 * One batch of a feed over rows that change: read past the (updated_at, id) cursor and save it.
 * The counts themselves are recounted by the caller, so reading a change twice is harmless.
 */
export async function runRecountPass(
  feed: RecountFeed,
  department: DataSource,
  hub: DataSource,
  cursor: CursorState,
  options: { batchSize: number; now: () => Date },
): Promise<RecountPassResult> {
  const changed = await feed.readChangedSince(department, { time: cursor.cursorTime ?? EPOCH, id: cursor.watermark }, options.batchSize);
  const caughtUp = changed.length < options.batchSize;
  if (changed.length === 0) return { hubIds: [], caughtUp, cursor };
  const last = changed[changed.length - 1];
  const next = { watermark: last.id, cursorTime: last.updatedAt, gaps: cursor.gaps };
  const savedAt = options.now();
  await serialTransaction(hub, async (manager) => {
    if (!(await saveCursor(manager, feed.name, next, cursor.version, savedAt))) throw new CursorMovedError(feed.name);
  });
  return { hubIds: [...new Set(changed.map((r) => r.hubId))], caughtUp, cursor: { ...next, version: cursor.version + 1, updatedAt: savedAt } };
}
