import type { DataSource, EntityManager } from 'typeorm';
import { FeedCursor } from './feed-cursor.entity';
import { parseGaps, serializeGaps, type OpenGaps } from './open-gaps';

/** A feed's position as read from the hub source. */
export interface CursorState {
  watermark: number;
  cursorTime: Date | null;
  gaps: OpenGaps;
  version: number;
  updatedAt: Date;
}

/** What a feed's cursor row says of a failing feed (null fields when it runs). */
export interface FeedIncident {
  lastError: string | null;
  failingSince: Date | null;
}

const MAX_ERROR_LENGTH = 500;

/** Loads a feed's cursor, creating it at the start of the table when there is none. */
export async function loadCursor(hub: DataSource, feed: string): Promise<CursorState> {
  const repository = hub.getRepository(FeedCursor);
  let row = await repository.findOneBy({ feed });
  if (!row) {
    await repository.createQueryBuilder().insert().values({ feed, watermark: 0, cursorTime: null, openGaps: null, version: 0, updatedAt: new Date() }).orIgnore().execute();
    row = await repository.findOneByOrFail({ feed });
  }
  return { watermark: row.watermark, cursorTime: row.cursorTime, gaps: parseGaps(row.openGaps), version: row.version, updatedAt: row.updatedAt };
}

/**
 * Saves the next cursor over the version read, inside the caller's transaction; false when
 * another writer moved it first (the caller rolls back and reloads).
 */
export async function saveCursor(manager: EntityManager, feed: string, next: Omit<CursorState, 'version' | 'updatedAt'>, expectedVersion: number, now: Date): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(FeedCursor)
    .set({ watermark: next.watermark, cursorTime: next.cursorTime, openGaps: serializeGaps(next.gaps), version: expectedVersion + 1, updatedAt: now })
    .where('feed = :feed AND version = :expectedVersion', { feed, expectedVersion })
    .execute();
  return result.affected === 1;
}

/** Records that an idle feed is caught up, so that other instances can tell its lag. */
export async function touchCursor(hub: DataSource, feed: string, version: number, now: Date): Promise<void> {
  await hub.createQueryBuilder().update(FeedCursor).set({ updatedAt: now }).where('feed = :feed AND version = :version', { feed, version }).execute();
}

/**
 * Writes (or clears, with nulls) a feed's incident, outside the pass that failed, so that every
 * instance sees it. The version is left alone: this moves no data.
 */
export async function recordIncident(hub: DataSource, feed: string, incident: FeedIncident): Promise<void> {
  const lastError = incident.lastError === null ? null : incident.lastError.slice(0, MAX_ERROR_LENGTH);
  await hub.createQueryBuilder().update(FeedCursor).set({ lastError, failingSince: incident.failingSince }).where('feed = :feed', { feed }).execute();
}

/** Every feed's cursor row: its heartbeat (for its lag) and its incident. */
export function loadCursorRows(hub: DataSource): Promise<FeedCursor[]> {
  return hub.getRepository(FeedCursor).find();
}

export class CursorMovedError extends Error {
  constructor(feed: string) {
    super(`the ${feed} feed's cursor was moved by another instance`);
  }
}
