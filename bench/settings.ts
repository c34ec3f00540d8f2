/** The benchmark's knobs, all from the environment (documented in docs/live-metrics.md, "Benchmarks"). */
export interface BenchSettings {
  mysqlUrl: string;
  /** Query throughput: seconds of load per side, and closed-loop callers. */
  seconds: number;
  concurrency: number;
  /** Fan-out: sockets (one `hubMetrics` subscription each), client processes, measured events. */
  fanOutSubscribers: number;
  fanOutWorkers: number;
  fanOutEvents: number;
  /** Ingest: rows per side, rows per call / INSERT statement. */
  ingestRows: number;
  ingestBatch: number;
  /** Freshness: samples per side, mean time between two samples. */
  freshnessSamples: number;
  freshnessSpacingMs: number;
  /** Where to write the figures as JSON as well (unset: not written). */
  jsonPath?: string;
}

function positive(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`${name}: expected a number from 1 to ${max}, got "${text}"`);
  return value;
}

export function readSettings(): BenchSettings {
  return {
    mysqlUrl: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
    seconds: positive('BENCH_SECONDS', 5, 600),
    concurrency: Math.round(positive('BENCH_CONCURRENCY', 16, 1_000)),
    fanOutSubscribers: Math.round(positive('BENCH_FANOUT_SUBSCRIBERS', 10_000, 100_000)),
    fanOutWorkers: Math.round(positive('BENCH_FANOUT_WORKERS', 2, 64)),
    fanOutEvents: Math.round(positive('BENCH_FANOUT_EVENTS', 20, 10_000)),
    ingestRows: Math.round(positive('BENCH_INGEST_ROWS', 50_000, 5_000_000)),
    ingestBatch: Math.round(positive('BENCH_INGEST_BATCH', 5_000, 5_000)),
    freshnessSamples: Math.round(positive('BENCH_FRESHNESS_SAMPLES', 200, 100_000)),
    freshnessSpacingMs: positive('BENCH_FRESHNESS_SPACING_MS', 50, 60_000),
    jsonPath: process.env.BENCH_JSON || undefined,
  };
}
