import type { DataSource } from 'typeorm';
import type { GaugeFeed, GaugePoint } from '../../core/departments/change-feed';
import type { HubInfo } from '../../core/hubs/hub-directory';
import { serialTransaction } from '../../core/data-sources/serial-transaction';
import { CursorMovedError, saveCursor, type CursorState } from './cursor-store';
import { EPOCH } from './recount-feed-pass';
import { gaugeBucketValues } from './rollup-buckets';
import { writeRollups } from './rollup-writer';

export interface GaugePassResult {
  points: GaugePoint[];
  caughtUp: boolean;
  cursor: CursorState;
}

/**
 * One batch of a gauge's changed points: read past the (updated_at, id) cursor, apply the points
 * (which gives the new values of the hubs they serve), then in one hub-source transaction save the
 * cursor and set those hubs' current 5-minute rollups. Points are absolute values: a change read
 * twice sets the same value twice.
 */
export async function runGaugePass(
  feed: GaugeFeed,
  department: DataSource,
  hub: DataSource,
  cursor: CursorState,
  options: { batchSize: number; now: () => Date; hubs: readonly HubInfo[]; apply(points: GaugePoint[]): ReadonlyMap<number, number> },
): Promise<GaugePassResult> {
  const changed = await feed.readChangedSince(department, { time: cursor.cursorTime ?? EPOCH, id: cursor.watermark }, options.batchSize, options.hubs);
  const caughtUp = changed.length < options.batchSize;
  if (changed.length === 0) return { points: [], caughtUp, cursor };
  const points = changed.map((c) => c.point);
  const values = options.apply(points);
  const last = changed[changed.length - 1];
  const next = { watermark: last.id, cursorTime: last.updatedAt, gaps: cursor.gaps };
  const savedAt = options.now();
  await serialTransaction(hub, async (manager) => {
    if (!(await saveCursor(manager, feed.name, next, cursor.version, savedAt))) throw new CursorMovedError(feed.name);
    await writeRollups(manager, hub, gaugeBucketValues(feed.metric, values, savedAt), 'set');
  });
  return { points, caughtUp, cursor: { ...next, version: cursor.version + 1, updatedAt: savedAt } };
}
