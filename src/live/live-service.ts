import type { AppendedRow, ChangeFeed, GaugeFeed, GaugePoint, RecountFeed } from '../core/departments/change-feed';
import { withSource, type DepartmentModule } from '../core/departments/department-module';
import { HUB_SOURCE } from '../core/data-sources/hub-source-name';
import type { SourceRegistry } from '../core/data-sources/source-registry';
import type { HubInfo } from '../core/hubs/hub-directory';
import type { Logger } from '../core/logging/logger';
import { serviceKey } from '../core/services/service-registry';
import { addDays, localDateOf, startOfLocalDay } from '../core/time/local-time';
import { loadCursorRows } from './feeds/cursor-store';
import { FeedRunner, type FeedSink } from './feeds/feed-runner';
import { rollupTotals } from './feeds/rollup-reader';
import type { FeedLeases } from './leases/feed-lease';
import type { LiveBus } from './live-bus';
import type { LiveSettings } from './live-settings';
import { feedMetrics, hubDirectoryOf, MetricCatalog } from './metrics/metric-catalog';
import { LiveState } from './state/live-state';

/** Hubs added since the start are picked up, and recount feeds recounted (an updated_at that became visible late), this often. */
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
 * The live metrics of this instance: the declared metrics, their state, the feeds it may run, and
 * the wiring between them and the other instances. Queries and subscriptions reach it through the
 * service registry. It knows departments only as the modules it is handed.
 */
export class LiveService implements FeedSink {
  readonly runners: FeedRunner[];
  private midnight: NodeJS.Timeout | undefined;
  private stopWatching: () => void = () => undefined;
  private recount: NodeJS.Timeout | undefined;

  private constructor(
    readonly state: LiveState,
    readonly modules: readonly DepartmentModule[],
    private readonly sources: SourceRegistry,
    private readonly directory: ReturnType<typeof hubDirectoryOf>,
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
            department: () => sources.get(feed.source),
            hub: () => sources.get(HUB_SOURCE),
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

  /** Loads the hubs, rebuilds the metrics from the rollups, counts and points, then starts the feeds. */
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
    const catalog = new MetricCatalog(options.modules);
    const directory = hubDirectoryOf(options.modules);
    // The hubs' department may be down at start: the state starts without hubs and gets them when it is back.
    const hubs = await (async () => directory.read(options.sources.get(directory.source)))().catch(() => []);
    const state = new LiveState(catalog, hubs, clock);
    const live = new LiveService(state, options.modules, options.sources, directory, options.bus, options.leases, options.logger, options.settings, clock);
    options.bus.onPatches((message) => {
      state.applyCountPatches(message.counts);
      for (const gauge of message.gauges) state.applyGaugePatch(gauge);
    });
    options.bus.onKick((feed) => live.runnerOf(feed)?.kick());
    for (const m of withSource(options.modules)) state.setStale(m.name, !options.sources.isUp(m.name));
    live.stopWatching = options.sources.onHealthChange((h) => live.sourceChanged(h.source, h.up));
    // A feed whose source is down is rebuilt by its runner when the source is back.
    for (const runner of live.runners) await live.rebuild(runner.feed).catch(() => runner.resync());
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

  hubs(): readonly HubInfo[] {
    return this.state.hubList();
  }

  async rebuild(feed: ChangeFeed): Promise<void> {
    const day = this.state.today;
    const dayStart = startOfLocalDay(this.clock());
    if (feed.kind === 'gauge') {
      this.state.setPoints(feed.metric, await feed.readAll(this.sources.get(feed.source), this.hubs()), true);
      this.bus.publishGauge(this.state.gaugePatchOf(feed.metric));
      return;
    }
    const names = feedMetrics(feed);
    const values =
      feed.kind === 'append' ? await rollupTotals(this.sources.get(HUB_SOURCE), names, dayStart, addDays(dayStart, 1)) : await this.countsFor(feed, null, dayStart);
    this.publishCounts(this.state.setCounts(day, names, values, true), names);
  }

  appended(feed: ChangeFeed, rows: AppendedRow[]): void {
    this.publishCounts(this.state.addRows(rows), feedMetrics(feed));
  }

  async changed(feed: RecountFeed, hubIds: number[]): Promise<void> {
    if (hubIds.some((id) => !this.state.hasHub(id))) await this.loadHubs();
    const day = this.state.today;
    const counts = await this.countsFor(feed, hubIds, startOfLocalDay(this.clock()));
    const values = new Map(hubIds.map((id) => [id, { [feed.metric]: counts.get(id)?.[feed.metric] ?? 0 }]));
    this.publishCounts(this.state.setCounts(day, [feed.metric], values, false), [feed.metric]);
  }

  gaugePoints(feed: GaugeFeed, points: GaugePoint[]): ReadonlyMap<number, number> {
    const at = this.clock();
    const moved = this.state.setPoints(feed.metric, points, false, at);
    this.bus.publishGauge({ metric: feed.metric, points, complete: false, at: at.getTime() });
    return new Map(moved.map((id) => [id, this.state.hubValues(id).values.get(feed.metric) ?? 0]));
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

  /**
   * A department down: its metrics are marked stale (screens keep the last values and are told).
   * A source back: its feeds (every feed, for the hub's own source) rebuild their state and resume
   * from their watermarks; the hubs are read again when their department is back.
   */
  sourceChanged(source: string, up: boolean): void {
    if (this.modules.some((m) => m.name === source)) this.state.setStale(source, !up);
    if (!up) return;
    if (source === this.directory.source) {
      this.loadHubs().catch((error: unknown) => this.logger.warn(`live metrics: cannot read the hubs: ${error instanceof Error ? error.message : String(error)}`));
    }
    for (const runner of this.runners) if (source === HUB_SOURCE || runner.feed.source === source) runner.resync();
  }

  async stop(options: { release?: boolean } = {}): Promise<void> {
    this.stopWatching();
    clearTimeout(this.midnight);
    clearInterval(this.recount);
    await Promise.all(this.runners.map((r) => r.stop(options)));
    this.bus.close();
    await this.leases.close();
  }

  private async loadHubs(): Promise<void> {
    this.state.setHubs(await this.directory.read(this.sources.get(this.directory.source)));
  }

  private async countsFor(feed: RecountFeed, hubIds: number[] | null, dayStart: Date): Promise<Map<number, Record<string, number>>> {
    const counts = await feed.countForDay(this.sources.get(feed.source), dayStart, addDays(dayStart, 1), hubIds);
    return new Map([...counts].map(([id, n]) => [id, { [feed.metric]: n }]));
  }

  private publishCounts(hubIds: number[], names: readonly string[]): void {
    this.bus.publishCounts(this.state.countPatchesOf(hubIds, names));
  }

  /** At local midnight the day's counts start again from zero; the recount feeds' holders count the new day. */
  private scheduleMidnight(): void {
    const now = this.clock();
    const next = addDays(startOfLocalDay(now), 1).getTime() - now.getTime();
    this.midnight = setTimeout(() => {
      if (this.state.rollOver()) this.logger.info(`live metrics: a new day, ${localDateOf(this.clock())}`);
      void this.rebuildHeld('recount');
      this.scheduleMidnight();
    }, next + 5).unref();
  }

  private async refresh(): Promise<void> {
    try {
      await this.loadHubs();
    } catch (error) {
      this.logger.warn(`live metrics: cannot read the hubs: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Recounts catch an updated_at that became visible late; gauges place their points among hubs added or moved.
    await this.rebuildHeld('recount', 'gauge');
    // Redis pub/sub does not replay what an instance missed (a reconnect): the holders repeat their counts.
    for (const runner of this.runners) {
      if (runner.holdsLease && runner.feed.kind === 'append') this.publishCounts(this.state.hubIds(), feedMetrics(runner.feed));
    }
  }

  private async rebuildHeld(...kinds: ChangeFeed['kind'][]): Promise<void> {
    for (const runner of this.runners) {
      if (!kinds.includes(runner.feed.kind) || !runner.holdsLease) continue;
      await this.rebuild(runner.feed).catch((error: unknown) =>
        this.logger.warn(`feed ${runner.feed.name}: rebuild failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }
}

export const LIVE = serviceKey<LiveService>('live');
