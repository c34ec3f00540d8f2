import type { DataSource } from 'typeorm';
import type { AppendedRow, ChangeFeed, GaugeFeed, GaugePoint, RecountFeed } from '../../core/departments/change-feed';
import type { HubInfo } from '../../core/hubs/hub-directory';
import { isDeadlock } from '../../core/data-sources/lock-conflict';
import type { Logger } from '../../core/logging/logger';
import type { FeedLeases } from '../leases/feed-lease';
import { runAppendPass } from './append-feed-pass';
import { runGaugePass } from './gauge-feed-pass';
import { runRecountPass } from './recount-feed-pass';
import { MAX_OPEN_RANGES } from './open-gaps';
import { CursorMovedError, loadCursor, recordIncident, touchCursor, type CursorState, type FeedIncident } from './cursor-store';

/** What a runner does with what its feed read; implemented by the live service. */
export interface FeedSink {
  /** Called when this instance takes the feed: make the live state exact from the hub source. */
  rebuild(feed: ChangeFeed): Promise<void>;
  /** Rows an append feed committed. */
  appended(feed: ChangeFeed, rows: AppendedRow[]): void;
  /** Hubs whose rows a recount feed saw change. */
  changed(feed: RecountFeed, hubIds: number[]): Promise<void>;
  /** Points a gauge feed read: applied to the live state; returns the new values of the hubs they serve. */
  gaugePoints(feed: GaugeFeed, points: GaugePoint[]): ReadonlyMap<number, number>;
  /** Today's hubs (a gauge's points are placed among them). */
  hubs(): readonly HubInfo[];
}

export interface FeedRunnerOptions {
  /** Asked for at each pass: a source that was down at start is opened later. */
  department: () => DataSource;
  hub: () => DataSource;
  leases: FeedLeases;
  sink: FeedSink;
  logger: Logger;
  pollMs: number;
  batchSize: number;
  gapGraceMs: number;
  leaseMs: number;
  now?: () => Date;
}

/** Heartbeat of an idle holder, so that the feed's lag can be read from the hub source. */
const HEARTBEAT_MS = 5_000;
/** Batches in a row before the runner yields to other work. */
const MAX_PASSES_PER_RUN = 50;

/**
 * Runs one change feed on this instance while it holds the feed's lease: polls (or runs at once
 * when kicked), reads batch after batch until caught up, and hands what it read to the sink.
 */
export class FeedRunner {
  private timer: NodeJS.Timeout | undefined;
  private renewer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private holding = false;
  private lastRenewal = 0;
  private cursor: CursorState | undefined;
  private caughtUpAt: Date | undefined;
  private failures = 0;
  private incident: FeedIncident = { lastError: null, failingSince: null };
  private upToDate = false;
  /** Set after a failed pass (its commit may have gone through unseen) and when a source comes back. */
  private needsRebuild = false;
  /** Ids of open gaps this runner gave up: at the end of their grace period, or early, past the bound. */
  readonly gapsGivenUp = { expired: 0, overflow: 0 };
  private readonly now: () => Date;

  constructor(
    readonly feed: ChangeFeed,
    private readonly options: FeedRunnerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get holdsLease(): boolean {
    return this.holding;
  }

  /** Why the feed keeps failing here, and since when; nulls while it runs. */
  get lastIncident(): FeedIncident {
    return this.incident;
  }

  /** Open gap ranges right now, if this instance runs the feed. */
  get openGapRanges(): number | undefined {
    return this.holding && this.cursor ? this.cursor.gaps.length : undefined;
  }

  /** When this instance last saw the feed caught up, if it runs it. */
  get lastCaughtUp(): Date | undefined {
    return this.holding ? this.caughtUpAt : undefined;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
    // Renewed on its own clock, so that a long batch or a busy event loop does not lose the lease.
    this.renewer = setInterval(() => void this.renew(), this.options.leaseMs / 3);
    this.renewer.unref();
  }

  /** Runs the feed now (an ingest just wrote rows) instead of at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /**
   * Makes the live state exact again before the next pass: from the rollups (committed with the
   * watermark) or a recount. Called when the feed's source or the hub's own comes back.
   */
  resync(): void {
    this.needsRebuild = true;
    this.kick();
  }

  /** Waits until the feed has read everything visible now (tests, the simulator CLI). */
  async drain(): Promise<void> {
    for (let round = 0; round < 1_000; round++) {
      await this.running;
      await this.run();
      if (this.upToDate || !this.holding) return;
    }
  }

  /** Stops; `release: false` leaves the lease to expire, as a crashed holder would. */
  async stop({ release = true }: { release?: boolean } = {}): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.renewer);
    await this.running;
    if (this.holding && release) await this.options.leases.release(this.feed.name).catch(() => undefined);
    this.holding = false;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref();
  }

  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runOnce()
      .catch((error: unknown) => {
        this.cursor = undefined;
        if (isDeadlock(error)) {
          // Rolled back so that another feed's transaction could go on: at once again, no warning.
          this.options.logger.debug(`feed ${this.feed.name}: deadlock, rolled back; reading again`);
          this.again = true;
          return;
        }
        return this.failed(error);
      })
      .finally(() => {
        this.running = undefined;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : this.options.pollMs);
      });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    if (this.stopped) return;
    if (!(await this.ensureLease())) return;
    if (this.needsRebuild) {
      await this.options.sink.rebuild(this.feed);
      this.needsRebuild = false;
    }
    if (!this.cursor) this.cursor = await loadCursor(this.options.hub(), this.feed.name);
    let caughtUp = false;
    for (let pass = 0; pass < MAX_PASSES_PER_RUN && !this.stopped && !caughtUp; pass++) {
      try {
        caughtUp = await this.pass();
        if (caughtUp) this.caughtUpAt = this.now();
      } catch (error) {
        if (!(error instanceof CursorMovedError)) throw error;
        // Another instance moved the cursor: we are not the holder any more, or were not alone.
        this.options.logger.warn(error.message);
        this.cursor = undefined;
        this.holding = false;
        return;
      }
    }
    this.upToDate = caughtUp;
    // Behind (a backlog after an outage): carry on at once rather than at the next poll.
    if (!caughtUp) this.again = true;
    if (this.failures > 0) await this.recovered();
    if (this.cursor && this.now().getTime() - this.cursor.updatedAt.getTime() > HEARTBEAT_MS) {
      const at = this.now();
      await touchCursor(this.options.hub(), this.feed.name, this.cursor.version, at);
      this.cursor = { ...this.cursor, updatedAt: at };
    }
  }

  /**
   * A failed pass is an incident, never a silent loop: one warning when it starts and one a minute
   * after, and the error and its start written to the cursor row for every instance to show.
   */
  private async failed(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    // A commit whose answer was lost may have moved the rollups without the live state: rebuild before reading on.
    this.needsRebuild = true;
    this.failures++;
    if (this.failures === 1 || this.failures % 60 === 0) this.options.logger.warn(`feed ${this.feed.name}: ${message}`);
    this.incident = { lastError: message, failingSince: this.incident.failingSince ?? this.now() };
    await recordIncident(this.options.hub(), this.feed.name, this.incident).catch(() => undefined);
  }

  private async recovered(): Promise<void> {
    this.options.logger.info(`feed ${this.feed.name}: reading again after ${this.failures} failed attempts`);
    this.failures = 0;
    this.incident = { lastError: null, failingSince: null };
    await recordIncident(this.options.hub(), this.feed.name, this.incident);
  }

  /** One batch; true when caught up. */
  private async pass(): Promise<boolean> {
    const cursor = this.cursor!;
    const { batchSize, gapGraceMs } = this.options;
    const department = this.options.department();
    const hub = this.options.hub();
    if (this.feed.kind === 'append') {
      const result = await runAppendPass(this.feed, department, hub, cursor, { batchSize, gapGraceMs, now: this.now });
      this.cursor = result.cursor;
      this.gapsGivenUp.expired += result.expired.ids;
      this.gapsGivenUp.overflow += result.overflow.ids;
      if (result.overflow.ranges > 0) {
        this.options.logger.warn(
          `feed ${this.feed.name}: more than ${MAX_OPEN_RANGES} open gaps; gave up the oldest ${result.overflow.ranges} (${result.overflow.ids} ids) before their grace period`,
        );
      }
      if (result.rows.length > 0) this.options.sink.appended(this.feed, result.rows);
      return result.caughtUp;
    }
    if (this.feed.kind === 'recount') {
      const result = await runRecountPass(this.feed, department, hub, cursor, { batchSize, now: this.now });
      this.cursor = result.cursor;
      if (result.hubIds.length > 0) await this.options.sink.changed(this.feed, result.hubIds);
      return result.caughtUp;
    }
    const feed = this.feed;
    const { sink } = this.options;
    const result = await runGaugePass(feed, department, hub, cursor, { batchSize, now: this.now, hubs: sink.hubs(), apply: (points) => sink.gaugePoints(feed, points) });
    this.cursor = result.cursor;
    return result.caughtUp;
  }

  private async renew(): Promise<void> {
    if (!this.holding || this.stopped) return;
    const held = await this.options.leases.renew(this.feed.name).catch(() => false);
    if (held) this.lastRenewal = Date.now();
    else if (this.holding) {
      this.holding = false;
      this.cursor = undefined;
      this.options.logger.warn(`feed ${this.feed.name}: lease lost`);
    }
  }

  private async ensureLease(): Promise<boolean> {
    const { leases, leaseMs, logger } = this.options;
    const nowMs = Date.now();
    if (this.holding) {
      // The renewer fell behind (a blocked event loop): check before writing.
      if (nowMs - this.lastRenewal > (leaseMs * 2) / 3) await this.renew();
    } else {
      this.holding = await leases.acquire(this.feed.name).catch(() => false);
      if (this.holding) {
        this.lastRenewal = nowMs;
        if (leases.kind !== 'in-process') logger.info(`feed ${this.feed.name}: this instance runs it now`);
        this.cursor = undefined;
        try {
          await this.options.sink.rebuild(this.feed);
          this.needsRebuild = false;
        } catch (error) {
          this.holding = false;
          await leases.release(this.feed.name).catch(() => undefined);
          throw error;
        }
      }
    }
    return this.holding;
  }
}
