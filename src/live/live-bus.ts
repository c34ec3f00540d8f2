import { randomUUID } from 'node:crypto';
import type { HubPubSub } from '../core/pubsub/hub-pubsub';
import type { CountPatch, GaugePatch } from './state/metric-patch';

/** Internal topics between instances (the screens' `hub:<id>`/`district:<name>` topics are derived from them). */
const METRICS_TOPIC = 'live:metrics';
const KICK_TOPIC = 'live:kick';

/** What a feed holder tells the other instances: new day counts, or a gauge's points. */
export interface MetricsMessage {
  counts: CountPatch[];
  gauges: GaugePatch[];
}

/**
 * What the instances tell each other: a feed holder's new values, and an ingest's request to
 * run a feed now (the holder may be another instance).
 */
export class LiveBus {
  readonly instanceId = randomUUID();
  private readonly iterators: { return?: () => unknown }[] = [];

  constructor(private readonly pubSub: HubPubSub) {}

  publishCounts(counts: CountPatch[]): void {
    if (counts.length > 0) this.publish({ counts, gauges: [] });
  }

  publishGauge(gauge: GaugePatch): void {
    this.publish({ counts: [], gauges: [gauge] });
  }

  kick(feed: string): void {
    this.pubSub.publish(KICK_TOPIC, { feed });
  }

  /** Values from the other instances (an instance's own are applied where they are made). */
  onPatches(listener: (message: MetricsMessage) => void): void {
    this.listen(METRICS_TOPIC, (message) => {
      const m = message as MetricsMessage & { from: string };
      if (m.from !== this.instanceId) listener(m);
    });
  }

  onKick(listener: (feed: string) => void): void {
    this.listen(KICK_TOPIC, (message) => listener((message as { feed: string }).feed));
  }

  close(): void {
    for (const iterator of this.iterators) iterator.return?.();
  }

  private publish(message: MetricsMessage): void {
    this.pubSub.publish(METRICS_TOPIC, { from: this.instanceId, ...message });
  }

  private listen(topic: string, listener: (message: unknown) => void): void {
    const iterator = this.pubSub.subscribe(topic)[Symbol.asyncIterator]();
    this.iterators.push(iterator);
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        listener(next.value);
      }
    })();
  }
}
