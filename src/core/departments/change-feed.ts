import type { DataSource } from 'typeorm';
import type { IdRange } from '../data-sources/id-ranges';
import { serviceKey } from '../services/service-registry';

/**
 * How a department's rows become live metrics. The department says how to read its table;
 * the feed runner in `src/live` owns watermarks, batching, gaps, leases and rollups.
 */
export type ChangeFeed = AppendFeed | CountFeed;

/** What one appended row adds to its hub's 5-minute rollup bucket (the bucket of `at`). */
export interface RollupRow {
  id: number;
  hubId: number;
  at: Date;
  entered: number;
  exited: number;
  meals: number;
}

interface FeedBase {
  /** Unique across the hub, e.g. `iot.footfall_reading`; also the key of its watermark. */
  name: string;
  /** The data source the rows are in (the department's name). */
  source: string;
}

/**
 * A table rows are only appended to, with an auto-increment id. Read in id order past the
 * watermark; ids that show up late (MySQL assigns them at insert, shows them at commit) are
 * re-read by id while their gap is open.
 */
export interface AppendFeed extends FeedBase {
  kind: 'append';
  /** The rollup columns its rows fill: `['entered', 'exited']` for footfall, `['meals']` for meals. */
  counts: readonly ('entered' | 'exited' | 'meals')[];
  /** Rows with id > afterId, in id order, at most `limit`. */
  readAfter(source: DataSource, afterId: number, limit: number): Promise<RollupRow[]>;
  /** Rows visible now whose id lies in one of the ranges (inclusive), in id order, at most `limit`. */
  readRanges(source: DataSource, ranges: readonly IdRange[], limit: number): Promise<RollupRow[]>;
}

/** A row of a table whose rows change, as its (updated_at, id) cursor sees it. */
export interface ChangedRow {
  id: number;
  updatedAt: Date;
  hubId: number;
}

/**
 * A table whose rows change after insert (an activity moved or cancelled). The live state keeps
 * a per-hub count for the local day; a change recounts the hubs it touched.
 */
export interface CountFeed extends FeedBase {
  kind: 'count';
  /** The live metric the count is: `activitiesToday`. */
  metric: 'activities';
  /** Rows with (updatedAt, id) > (after.time, after.id), in that order, at most `limit`. */
  readChangedSince(source: DataSource, after: { time: Date; id: number }, limit: number): Promise<ChangedRow[]>;
  /** Per hub, the count for the local day [dayStart, dayEnd); all hubs when `hubIds` is null. */
  countForDay(source: DataSource, dayStart: Date, dayEnd: Date, hubIds: readonly number[] | null): Promise<Map<number, number>>;
}

/** Lets an ingest mutation wake its feed at once instead of waiting for the next poll. */
export interface FeedSignals {
  kick(feed: string): void;
}

export const FEED_SIGNALS = serviceKey<FeedSignals>('feedSignals');
