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
  /** Ingest: rows per side, rows per call / INSERT statement (each size a run of its own). */
  ingestRows: number;
  ingestBatches: number[];
  /** Freshness: samples per side, mean time between two samples. */
  freshnessSamples: number;
  freshnessSpacingMs: number;
  /** The city scenario: seconds of load on each of its runs, timed after `cityWarmupSeconds` of the same load. */
  citySeconds: number;
  cityWarmupSeconds: number;
  /** `--quick`: every scenario but the city at a reduced size. */
  quick: boolean;
  /** Where the figures are written as JSON (default bench/results/<date>.json). */
  jsonPath: string;
}

function positive(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`${name}: expected a number from 1 to ${max}, got "${text}"`);
  return value;
}

function batches(name: string, fallback: number[]): number[] {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const values = text.split(',').map((t) => Number(t.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1 || v > 5_000)) throw new Error(`${name}: expected whole numbers from 1 to 5000, comma-separated, got "${text}"`);
  return values;
}

/** `--quick`'s sizes, unless the environment sets them: the whole run in under 3 minutes. */
const QUICK: Readonly<Record<string, string>> = {
  BENCH_SECONDS: '3',
  BENCH_INGEST_ROWS: '10000',
  BENCH_FRESHNESS_SAMPLES: '60',
  BENCH_FANOUT_SUBSCRIBERS: '2000',
  BENCH_FANOUT_EVENTS: '10',
};

export function readSettings(quick = false): BenchSettings {
  if (quick) for (const [name, value] of Object.entries(QUICK)) process.env[name] ??= value;
  const date = new Date().toISOString().slice(0, 10);
  return {
    quick,
    mysqlUrl: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
    seconds: positive('BENCH_SECONDS', 5, 600),
    concurrency: Math.round(positive('BENCH_CONCURRENCY', 10, 1_000)),
    fanOutSubscribers: Math.round(positive('BENCH_FANOUT_SUBSCRIBERS', 10_000, 100_000)),
    fanOutWorkers: Math.round(positive('BENCH_FANOUT_WORKERS', 2, 64)),
    fanOutEvents: Math.round(positive('BENCH_FANOUT_EVENTS', 20, 10_000)),
    ingestRows: Math.round(positive('BENCH_INGEST_ROWS', 50_000, 5_000_000)),
    ingestBatches: batches('BENCH_INGEST_BATCH', [1_000, 5_000]),
    freshnessSamples: Math.round(positive('BENCH_FRESHNESS_SAMPLES', 200, 100_000)),
    freshnessSpacingMs: positive('BENCH_FRESHNESS_SPACING_MS', 50, 60_000),
    citySeconds: Math.round(positive('BENCH_CITY_SECONDS', 120, 3_600)),
    cityWarmupSeconds: Math.round(positive('BENCH_CITY_WARMUP_SECONDS', 10, 600)),
    jsonPath: process.env.BENCH_JSON || `bench/results/${date}${quick ? '-quick' : ''}.json`,
  };
}
