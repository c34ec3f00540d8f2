import { performance } from 'node:perf_hooks';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every request's latency, ms, ascending. */
  latencies: number[];
}

/**
 * A closed-loop load: `concurrency` callers each send the next request when the last one is
 * answered, for `seconds`. Bounded in count and time, loopback only.
 */
export async function runLoad(send: () => Promise<void>, options: { concurrency: number; seconds: number; maxRequests?: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const until = performance.now() + options.seconds * 1000;
  const max = options.maxRequests ?? 1_000_000;
  const started = performance.now();
  const caller = async () => {
    while (performance.now() < until && latencies.length < max) {
      const t = performance.now();
      await send();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, seconds);
}

function summarize(latencies: number[], seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), latencies };
}

/**
 * Two loads compared on a shared machine: `rounds` slices of `seconds / rounds` each,
 * alternating a then b, so that what else runs on the machine weighs on both alike.
 */
export async function runAlternating(
  a: () => Promise<void>,
  b: () => Promise<void>,
  options: { concurrency: number; seconds: number; rounds: number },
): Promise<[LoadResult, LoadResult]> {
  const slice = { concurrency: options.concurrency, seconds: options.seconds / options.rounds };
  const runs: [LoadResult[], LoadResult[]] = [[], []];
  for (let round = 0; round < options.rounds; round++) {
    runs[0].push(await runLoad(a, slice));
    runs[1].push(await runLoad(b, slice));
  }
  const merge = (results: LoadResult[]) =>
    summarize(
      results.flatMap((r) => r.latencies),
      results.reduce((n, r) => n + r.seconds, 0),
    );
  return [merge(runs[0]), merge(runs[1])];
}

/** POSTs a GraphQL operation and checks the answer has no errors (a failing hub must not look fast). */
export function graphqlSender(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ query, variables });
  return async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const json = (await response.json()) as { errors?: unknown[] };
    if (json.errors) throw new Error(`the hub answered with errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  };
}

export function getSender(url: string) {
  return async () => {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`baseline answered ${response.status}`);
  };
}
