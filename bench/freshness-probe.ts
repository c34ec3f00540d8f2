import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ascending } from './report';
import { HUB_METRICS } from './screen-socket';

export interface FreshnessOptions {
  /** ws://…/graphql of the hub or of a baseline speaking graphql-transport-ws. */
  wsUrl: string;
  authorization?: string;
  /** The hubs the samples go round (each hub's topic then stays quiet for hubs × spacing). */
  hubIds: readonly number[];
  samples: number;
  /** Mean time between two samples; each gap is drawn from [0.5, 1.5] × this. */
  spacingMs: number;
  /** Writes sample `k`: `entered` more people at `hubId`. Not awaited before the next sample. */
  write(hubId: number, entered: number, k: number): Promise<void>;
}

export interface FreshnessResult {
  /** Write issued -> the screen's message showing it, ms, ascending. */
  latencies: number[];
  missing: number;
}

interface Pending {
  target: number;
  startedAt: number;
}

/** How long after its write a sample may take to show before it counts as missing. */
const SAMPLE_TIMEOUT_MS = 15_000;

/**
 * A wall screen (graphql-ws client, as in docs/live-metrics.md) subscribed to every hub's
 * metrics. Each sample adds people at a hub; its latency runs from the moment the bench issues
 * the write to the moment the screen's client hands over the first message whose footfallToday
 * includes it. Both ends are timed on this process's clock (performance.now()).
 */
export async function measureFreshness(options: FreshnessOptions): Promise<FreshnessResult> {
  const client = createClient({
    url: options.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: options.authorization ? { authorization: options.authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
  const footfall = new Map<number, number>();
  const pending = new Map<number, Pending[]>();
  const latencies: number[] = [];
  let failure: unknown;
  let wake: () => void = () => {};
  const changed = () => wake();
  const stop = client.subscribe<{ hubMetrics: { hubId: string; footfallToday: number } }>(
    { query: HUB_METRICS, variables: { hubIds: null } },
    {
      next: (result) => {
        const arrivedAt = performance.now();
        const metrics = result.data?.hubMetrics;
        if (!metrics) {
          failure = result.errors ?? result;
          return changed();
        }
        const hubId = Number(metrics.hubId);
        footfall.set(hubId, metrics.footfallToday);
        const waiting = pending.get(hubId) ?? [];
        while (waiting.length > 0 && waiting[0].target <= metrics.footfallToday) latencies.push(arrivedAt - waiting.shift()!.startedAt);
        changed();
      },
      error: (error) => {
        failure = error;
        changed();
      },
      complete: () => undefined,
    },
  );
  const until = (test: () => boolean, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(test()), timeoutMs);
      wake = () => {
        if (failure !== undefined || test()) {
          clearTimeout(timer);
          resolve(test());
        }
      };
      wake();
    });
  try {
    if (!(await until(() => options.hubIds.every((id) => footfall.has(id)), 30_000))) {
      throw new Error(`the screen did not get every hub's state: ${JSON.stringify(failure ?? [...footfall.keys()])}`);
    }
    const expected = new Map(footfall);
    const writes: Promise<void>[] = [];
    for (let k = 0; k < options.samples; k++) {
      const hubId = options.hubIds[k % options.hubIds.length];
      const entered = 1 + (k % 4);
      expected.set(hubId, expected.get(hubId)! + entered);
      const queue = pending.get(hubId) ?? [];
      pending.set(hubId, queue);
      queue.push({ target: expected.get(hubId)!, startedAt: performance.now() });
      writes.push(options.write(hubId, entered, k));
      await new Promise((r) => setTimeout(r, options.spacingMs * (0.5 + Math.random())));
    }
    await Promise.all(writes);
    await until(() => latencies.length === options.samples, SAMPLE_TIMEOUT_MS);
    if (failure !== undefined) throw new Error(`the screen's subscription failed: ${JSON.stringify(failure).slice(0, 300)}`);
    return { latencies: ascending(latencies), missing: options.samples - latencies.length };
  } finally {
    stop();
    await client.dispose();
  }
}
