import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ascending } from './report';
import { HUB_METRICS } from './screen-socket';

interface Pending {
  target: number;
  startedAt: number;
}

export interface FreshnessResult {
  /** Write issued -> the screen's message showing it, ms, ascending. */
  latencies: number[];
  missing: number;
}

/**
 * A wall screen (graphql-ws client, as in docs/live-metrics.md) subscribed to every hub's
 * metrics, timing samples: `expect(hub, n)` just before a write that adds n people at the hub;
 * the sample's latency runs from then to the moment the client hands over the first message
 * whose footfallToday includes it. Both ends on this process's clock (performance.now()).
 */
export class FreshnessScreen {
  private readonly footfall = new Map<number, number>();
  private readonly expected = new Map<number, number>();
  private readonly pending = new Map<number, Pending[]>();
  private readonly latencies: number[] = [];
  private samples = 0;
  private failure: unknown;
  private wake: () => void = () => {};

  private constructor(
    private readonly client: Client,
    private readonly stop: () => void,
  ) {}

  /** Opens the screen and waits until it has the state of each of `hubIds`. */
  static async open(wsUrl: string, authorization: string | undefined, hubIds: readonly number[]): Promise<FreshnessScreen> {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0, lazy: true });
    let screen: FreshnessScreen | undefined;
    const stop = client.subscribe<{ hubMetrics: { hubId: string; footfallToday: number } }>(
      { query: HUB_METRICS, variables: { hubIds: null } },
      {
        next: (result) => screen?.onNext(performance.now(), result.data?.hubMetrics, result.errors),
        error: (error) => screen?.fail(error),
        complete: () => undefined,
      },
    );
    screen = new FreshnessScreen(client, stop);
    if (!(await screen.until(() => hubIds.every((id) => screen!.footfall.has(id)), 30_000))) {
      await screen.close();
      throw new Error(`the screen at ${wsUrl} did not get every hub's state: ${JSON.stringify(screen.failure ?? [...screen.footfall.keys()])}`);
    }
    return screen;
  }

  /** A sample: a write adding `entered` people at `hubId` is issued now; `timed: false` only counts it (a warm-up). */
  expect(hubId: number, entered: number, timed = true): void {
    const target = (this.expected.get(hubId) ?? this.footfall.get(hubId) ?? 0) + entered;
    this.expected.set(hubId, target);
    if (!timed) return;
    const queue = this.pending.get(hubId) ?? [];
    this.pending.set(hubId, queue);
    queue.push({ target, startedAt: performance.now() });
    this.samples++;
  }

  /** Waits (up to `timeoutMs`) for every sample, then reports. */
  async result(timeoutMs: number): Promise<FreshnessResult> {
    await this.until(() => this.latencies.length === this.samples, timeoutMs);
    if (this.failure !== undefined) throw new Error(`a screen's subscription failed: ${JSON.stringify(this.failure).slice(0, 300)}`);
    return { latencies: ascending(this.latencies), missing: this.samples - this.latencies.length };
  }

  async close(): Promise<void> {
    this.stop();
    await this.client.dispose();
  }

  private onNext(arrivedAt: number, metrics: { hubId: string; footfallToday: number } | undefined, errors: unknown): void {
    if (!metrics) return this.fail(errors ?? 'a message without hubMetrics');
    const hubId = Number(metrics.hubId);
    this.footfall.set(hubId, metrics.footfallToday);
    const waiting = this.pending.get(hubId) ?? [];
    while (waiting.length > 0 && waiting[0].target <= metrics.footfallToday) this.latencies.push(arrivedAt - waiting.shift()!.startedAt);
    this.wake();
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.wake();
  }

  private until(test: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(test()), timeoutMs);
      this.wake = () => {
        if (this.failure !== undefined || test()) {
          clearTimeout(timer);
          resolve(test());
        }
      };
      this.wake();
    });
  }
}

/**
 * Issues `samples` samples, gaps drawn from [0.5, 1.5] × `spacingMs`, without waiting for one
 * to finish before the next (a slow write does not push the next sample back); then waits for
 * every write.
 */
export async function issueSamples(samples: number, spacingMs: number, sample: (k: number) => Promise<void>): Promise<void> {
  const writes: Promise<void>[] = [];
  for (let k = 0; k < samples; k++) {
    writes.push(sample(k));
    await new Promise((r) => setTimeout(r, spacingMs * (0.5 + Math.random())));
  }
  await Promise.all(writes);
}

/** How long after the last write a sample may take to show before it counts as missing. */
export const SAMPLE_TIMEOUT_MS = 15_000;
