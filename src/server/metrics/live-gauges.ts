import { Gauge, type Registry } from 'prom-client';
import type { FeedStatus } from '../../live/live-service';

export interface LiveReadings {
  /** Open WebSocket connections. */
  sockets(): number;
  /** Subscriptions running, and the groups that share one execution among them. */
  fanOut(): { groups: number; subscribers: number };
  feeds(): Promise<FeedStatus[]>;
}

/** Gauges read when scraped: sockets, subscriptions, fan-out groups, and each feed's lag. */
export function registerLiveGauges(registry: Registry, live: LiveReadings): void {
  // The feed gauges are collected together on a scrape: one read of the feeds' status serves them all.
  let reading: Promise<FeedStatus[]> | undefined;
  const feeds = () => (reading ??= live.feeds().finally(() => (reading = undefined)));
  new Gauge({
    name: 'xingfu_hub_websocket_sockets',
    help: 'Open WebSocket connections (screens and other subscribers)',
    registers: [registry],
    collect() {
      this.set(live.sockets());
    },
  });
  new Gauge({
    name: 'xingfu_hub_subscriptions',
    help: 'Subscriptions running on this instance',
    registers: [registry],
    collect() {
      this.set(live.fanOut().subscribers);
    },
  });
  new Gauge({
    name: 'xingfu_hub_fan_out_groups',
    help: 'Distinct subscription operations; each event is executed once per group',
    registers: [registry],
    collect() {
      this.set(live.fanOut().groups);
    },
  });
  new Gauge({
    name: 'xingfu_hub_feed_running',
    help: 'Whether this instance runs the change feed now (1) or another instance does (0)',
    labelNames: ['feed', 'department'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const feed of await feeds()) this.set({ feed: feed.feed, department: feed.department }, feed.runningHere ? 1 : 0);
    },
  });
  new Gauge({
    name: 'xingfu_hub_feed_lag_seconds',
    help: 'Seconds since the change feed was last caught up with its table (feeds this instance runs)',
    labelNames: ['feed', 'department'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const feed of await feeds()) {
        if (feed.runningHere && feed.lagSeconds !== null) this.set({ feed: feed.feed, department: feed.department }, feed.lagSeconds);
      }
    },
  });
  new Gauge({
    name: 'xingfu_hub_feed_failing',
    help: 'Whether the change feed’s passes keep failing (1): it cannot read its rows or save its cursor (departments shows why)',
    labelNames: ['feed', 'department'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const feed of await feeds()) this.set({ feed: feed.feed, department: feed.department }, feed.failingSince === null ? 0 : 1);
    },
  });
}
