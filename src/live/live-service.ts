import { HUB_SOURCE } from '../core/data-sources/hub-source-name';
import type { ChangeFeed, CountFeed, RollupRow } from '../core/departments/change-feed';
import type { DepartmentModule } from '../core/departments/department-module';
import type { SourceRegistry } from '../core/data-sources/source-registry';
import type { Logger } from '../core/logging/logger';
import { serviceKey } from '../core/services/service-registry';
import { addDays, localDateOf, startOfLocalDay } from '../core/time/local-time';
import { CIVIL } from '../departments/civil';
import { countersOf } from './feeds/feed-counters';
import { FeedRunner, type FeedSink } from './feeds/feed-runner';
import { loadCursorRows } from './feeds/cursor-store';
import { rollupTotals } from './feeds/rollup-reader';
import type { FeedLeases } from './leases/feed-lease';
import type { LiveBus } from './live-bus';
import type { LiveSettings } from './live-settings';
import { loadHubDirectory } from './state/hub-directory';
import { LiveState } from './state/live-state';
import type { CounterName } from './state/metric-patch';

/** Hubs added since the start are picked up, and count feeds recounted (an updated_at that became visible late), this often. */
const REFRESH_MS = 60_000;

export interface FeedStatus {
  feed: string;
  department: string;
  /** True when this instance runs the feed now. */
  runningHere: boolean;
  /** Seconds since the feed was last known caught up. */
  lagSeconds: number | null;
  /** Why its passes keep failing, and since when (on whichever instance runs it); null while it runs. */
  lastError: string | null;
  failingSince: Date | null;
}

/**
 * The live metrics of this instance: the state, the feeds it may run, and the wiring between
 * them and the other instances. Queries and subscriptions reach it through the service registry.
 */
export class LiveService implements FeedSink {
  readonly runners: FeedRunner[];
  private midnight: NodeJS.Timeout | undefined;
  private recount: NodeJS.Timeout | undefined;

  private constructor(
    readonly state: LiveState,
    readonly modules: readonly DepartmentModule[],
    private readonly sources: SourceRegistry,
    private readonly bus: LiveBus,
    private readonly leases: FeedLeases,
    private readonly logger: Logger,
    settings: LiveSettings,
    private readonly clock: () => Date,
  ) {
    this.runners = modules.flatMap((m) =>
      (m.feeds ?? []).map(
        (feed) =>
          new FeedRunner(feed, {
            department: sources.get(feed.source),
            hub: sources.get(HUB_SOURCE),
            leases,
            sink: this,
            logger,
            pollMs: settings.feedPollMs,
            batchSize: settings.feedBatchSize,
            gapGraceMs: settings.feedGapGraceMs,
            leaseMs: settings.feedLeaseMs,
            now: clock,
          }),
      ),
    );
  }

  /** Loads the hubs, rebuilds today's counters from the rollups and counts, then starts the feeds. */
  static async start(options: {
    settings: LiveSettings;
    modules: readonly DepartmentModule[];
    sources: SourceRegistry;
    bus: LiveBus;
    leases: FeedLeases;
    logger: Logger;
    clock?: () => Date;
  }): Promise<LiveService> {
    const clock = options.clock ?? (() => new Date());
    const state = new LiveState(await loadHubDirectory(options.sources.get(CIVIL)), clock);
    const live = new LiveService(state, options.modules, options.sources, options.bus, options.leases, options.logger, options.settings, clock);
    options.bus.onPatches((patches) => state.applyPatches(patches));
    options.bus.onKick((feed) => live.runnerOf(feed)?.kick());
    for (const feed of live.feeds()) await live.rebuild(feed);
    for (const runner of live.runners) runner.start();
    live.scheduleMidnight();
    live.recount = setInterval(() => void live.refresh(), REFRESH_MS).unref();
    return live;
  }

  feeds(): ChangeFeed[] {
    return this.runners.map((r) => r.feed);
  }

  runnerOf(feed: string): FeedRunner | undefined {
    return this.runners.find((r) => r.feed.name === feed);
  }

  /** Asks whichever instance runs `feed` to run it now. */
  kick(feed: string): void {
    this.bus.kick(feed);
  }

  /** Waits until every feed this instance can hold has read what is visible now. */
  async drain(): Promise<void> {
    for (const runner of this.runners) await runner.drain();
  }

  async rebuild(feed: ChangeFeed): Promise<void> {
    const day = this.state.today;
    const dayStart = startOfLocalDay(this.clock());
    const names = countersOf(feed);
    let values: Map<number, Partial<Record<CounterName, number>>>;
    if (feed.kind === 'append') values = await rollupTotals(this.sources.get(HUB_SOURCE), dayStart, addDays(dayStart, 1));
    else values = await this.countsFor(feed, null, dayStart);
    this.publish(this.state.setCounters(day, names, values, true), names);
  }

  appended(feed: ChangeFeed, rows: RollupRow[]): void {
    const changed = this.state.addRows(rows);
    this.publish(changed, countersOf(feed));
  }

  async changed(feed: ChangeFeed, hubIds: number[]): Promise<void> {
    if (feed.kind !== 'count') return;
    const unknown = hubIds.filter((id) => !this.state.hasHub(id));
    if (unknown.length > 0) this.state.setHubs(await loadHubDirectory(this.sources.get(CIVIL)));
    const day = this.state.today;
    const counts = await this.countsFor(feed, hubIds, startOfLocalDay(this.clock()));
    const values = new Map(hubIds.map((id) => [id, { [feed.metric]: counts.get(id)?.[feed.metric] ?? 0 }]));
    this.publish(this.state.setCounters(day, [feed.metric], values, false), [feed.metric]);
  }

  /**
   * Every feed: lag and incident from this instance's runner when it runs the feed, else from the
   * cursor row its holder keeps in the hub source (heartbeat and incident).
   */
  async status(): Promise<FeedStatus[]> {
    const rows = await loadCursorRows(this.sources.get(HUB_SOURCE)).catch(() => []);
    const nowMs = this.clock().getTime();
    return this.runners.map((r) => {
      const row = rows.find((c) => c.feed === r.feed.name);
      const here = r.holdsLease;
      const caughtUp = here ? r.lastCaughtUp : row?.updatedAt;
      const incident = here ? r.lastIncident : { lastError: row?.lastError ?? null, failingSince: row?.failingSince ?? null };
      return {
        feed: r.feed.name,
        department: this.modules.find((m) => m.feeds?.includes(r.feed))!.name,
        runningHere: here,
        lagSeconds: caughtUp ? Math.max(0, (nowMs - caughtUp.getTime()) / 1000) : null,
        ...incident,
      };
    });
  }

  async stop(options: { release?: boolean } = {}): Promise<void> {
    clearTimeout(this.midnight);
    clearInterval(this.recount);
    await Promise.all(this.runners.map((r) => r.stop(options)));
    this.bus.close();
    await this.leases.close();
  }

  private async countsFor(feed: CountFeed, hubIds: number[] | null, dayStart: Date): Promise<Map<number, Partial<Record<CounterName, number>>>> {
    const counts = await feed.countForDay(this.sources.get(feed.source), dayStart, addDays(dayStart, 1), hubIds);
    return new Map([...counts].map(([id, n]) => [id, { [feed.metric]: n }]));
  }

  private publish(hubIds: number[], names: readonly CounterName[]): void {
    this.bus.publishPatches(this.state.patchesOf(hubIds, names));
  }

  /** At local midnight every counter starts again from zero; the count feeds' holders count the new day. */
  private scheduleMidnight(): void {
    const now = this.clock();
    const next = addDays(startOfLocalDay(now), 1).getTime() - now.getTime();
    this.midnight = setTimeout(() => {
      if (this.state.rollOver()) this.logger.info(`live metrics: a new day, ${localDateOf(this.clock())}`);
      void this.recountHeld();
      this.scheduleMidnight();
    }, next + 5).unref();
  }

  private async refresh(): Promise<void> {
    try {
      this.state.setHubs(await loadHubDirectory(this.sources.get(CIVIL)));
    } catch (error) {
      this.logger.warn(`live metrics: cannot read the hubs: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.recountHeld();
    // Redis pub/sub does not replay what an instance missed (a reconnect): the holders repeat their counters.
    for (const runner of this.runners) {
      if (runner.holdsLease) this.publish(this.state.hubIds(), countersOf(runner.feed));
    }
  }

  private async recountHeld(): Promise<void> {
    for (const runner of this.runners) {
      if (runner.feed.kind !== 'count' || !runner.holdsLease) continue;
      await this.rebuild(runner.feed).catch((error: unknown) =>
        this.logger.warn(`feed ${runner.feed.name}: recount failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }
}

export const LIVE = serviceKey<LiveService>('live');
