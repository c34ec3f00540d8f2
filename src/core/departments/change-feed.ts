import type { DataSource } from 'typeorm';
import type { IdRange } from '../data-sources/id-ranges';
import type { HubInfo } from '../hubs/hub-directory';
import { serviceKey } from '../services/service-registry';

/**
 * How a department's rows become values of the metrics it declares. The department says how to
 * read its table; the feed runner in `src/live` owns watermarks, batching, gaps, leases and rollups.
 */
export type ChangeFeed = AppendFeed | RecountFeed | GaugeFeed;

/** What one appended row adds, per metric, to its hub's 5-minute bucket (the bucket of `at`). */
export interface AppendedRow {
  id: number;
  hubId: number;
  at: Date;
  /** By metric name: `{ footfall: 3, exits: 1 }`. */
  values: Readonly<Record<string, number>>;
}

interface FeedBase {
  /** Unique across the hub, e.g. `iot.footfall_reading`; also the key of its watermark. */
  name: string;
  /** The data source the rows are in (the department's name). */
  source: string;
}

/**
 * A table rows are only appended to, with an auto-increment id, feeding `dailyCounter` metrics.
 * Read in id order past the watermark; ids that show up late (MySQL assigns them at insert, shows
 * them at commit) are re-read while their gap is open.
 */
export interface AppendFeed extends FeedBase {
  kind: 'append';
  /** The metrics its rows add to (declared by the same department). */
  metrics: readonly string[];
  /** Rows with id > afterId, in id order, at most `limit`. */
  readAfter(source: DataSource, afterId: number, limit: number): Promise<AppendedRow[]>;
  /** Rows visible now whose id lies in one of the ranges (inclusive), in id order, at most `limit`. */
  readRanges(source: DataSource, ranges: readonly IdRange[], limit: number): Promise<AppendedRow[]>;
}

/** A row of a table whose rows change, as its (updated_at, id) cursor sees it. */
export interface ChangedRow {
  id: number;
  updatedAt: Date;
}

interface ChangingRowsFeed extends FeedBase {
  /** The metric it keeps (declared by the same department). */
  metric: string;
  /** Rows with (updatedAt, id) > (after.time, after.id), in that order, at most `limit`. */
  readChangedSince(source: DataSource, after: { time: Date; id: number }, limit: number): Promise<(ChangedRow & { hubId: number })[]>;
}

/** A table whose rows change after insert (an activity moved or cancelled): a `recount` metric, counted again for the hubs a change touched. */
export interface RecountFeed extends ChangingRowsFeed {
  kind: 'recount';
  /** Per hub, the count for the local day [dayStart, dayEnd); all hubs when `hubIds` is null. */
  countForDay(source: DataSource, dayStart: Date, dayEnd: Date, hubIds: readonly number[] | null): Promise<Map<number, number>>;
}

/** One holder of a gauge's value (a bike-parking point), and the hubs it serves. */
export interface GaugePoint {
  /** Unique within the gauge. */
  key: string;
  hubIds: readonly number[];
  value: number;
}

/** A table whose rows are the points of a `gauge` metric, changing in place. */
export interface GaugeFeed extends FeedBase {
  kind: 'gauge';
  metric: string;
  /** Points whose rows changed past the cursor, in (updatedAt, id) order, at most `limit`; `hubs` are today's hubs. */
  readChangedSince(source: DataSource, after: { time: Date; id: number }, limit: number, hubs: readonly HubInfo[]): Promise<(ChangedRow & { point: GaugePoint })[]>;
  /** Every point now (a rebuild). */
  readAll(source: DataSource, hubs: readonly HubInfo[]): Promise<GaugePoint[]>;
}

/** Lets an ingest mutation wake its feed at once instead of waiting for the next poll. */
export interface FeedSignals {
  kick(feed: string): void;
}

export const FEED_SIGNALS = serviceKey<FeedSignals>('feedSignals');
