import { createConnection, createPool, type Pool } from 'mysql2/promise';
import { readPartSettings, type PartSettings } from '../src/app';
import { HUB_SOURCE, loadConfig } from '../src/config';
import { sourceUrlVariable } from '../src/core/data-sources/source-config';
import { departments } from '../src/departments';
import { HubProcess } from './process/hub-process';
import { withSource } from '../src/core/departments/department-module';

export interface BenchHub {
  /** The hub's own process (and the bench's probe in it): live totals, feed kicks, keys, memory. */
  hub: HubProcess;
  /** The same process: the scenarios' window on the hub's live state. */
  live: HubProcess;
  /** The settings the hub's parts read (live, limits, departments'), read here from the same environment. */
  settings: PartSettings;
  /** The hub's settings that the bench or the environment set; every other one is at its default. */
  hubEnvironment: Record<string, string>;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  /** A mysql2 pool on each source's database, for the baselines and for direct writes. */
  pools: Record<string, Pool>;
  /** Each source's mysql2 URL (for baselines in their own processes). */
  sourceUrls: Record<string, string>;
  /** `Bearer <key>` of a new API key (issued as the admin would, audited). */
  authorization(role: string, department?: string): Promise<string>;
  /**
   * Stops the hub's process and starts a new one on the same databases (its feeds resume from
   * their watermarks): a scenario that measures the process's memory starts from a clean one.
   */
  restart(): Promise<void>;
  /** A further hub instance on the same databases (e.g. behind Redis), with extra settings. */
  startInstance(extra: Record<string, string>): Promise<HubProcess>;
  close(): Promise<void>;
}

/**
 * What the bench changes from the hub's defaults, unless the environment sets it:
 * - RATE_LIMIT_PER_SECOND=0: a load generator is one caller; the limiter would refuse it
 *   (20/s per key or address) and measure nothing.
 * - LIVE_PUSH_INTERVAL_MS=50 (the least allowed): the fan-out sends events one after the
 *   other; each event is published at least this long after the previous one, so coalescing
 *   never holds a message back and the delivery latency is the fan-out's own.
 */
export const BENCH_HUB_DEFAULTS: Readonly<Record<string, string>> = {
  RATE_LIMIT_PER_SECOND: '0',
  LIVE_PUSH_INTERVAL_MS: '50',
};

/** Hub settings (as README's table names them) the report repeats when the environment sets them. */
const REPORTED = /^(FEED_|LIVE_|RATE_LIMIT|WS_|MAX_|REDIS|NODE_ENV|LOG_LEVEL|KEY_GRACE|SOURCE_|GRAPHQL_|UV_THREADPOOL)/;

/**
 * A hub on fresh MariaDB databases (seeded demo district, simulator off) in its own process,
 * started from dist/ as `npm start` starts it. The hub's other settings (FEED_POLL_MS,
 * FEED_BATCH_SIZE, WS_SOFT_BUFFER_BYTES, …) come from the environment as `npm start` reads them.
 */
export async function startBenchHub(mysqlUrl: string): Promise<BenchHub> {
  const names = [HUB_SOURCE, ...withSource(departments).map((d) => d.name)];
  const tag = `xh_bench_${process.pid}`;
  const base = mysqlUrl.replace(/\/$/, '');
  const sourceUrls = Object.fromEntries(names.map((n) => [n, `${base}/${tag}_${n}`]));
  const urls = Object.fromEntries(names.map((n) => [sourceUrlVariable(n), sourceUrls[n]]));
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'warn';
  const env: NodeJS.ProcessEnv = { ...BENCH_HUB_DEFAULTS, ...process.env, HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', DEMO_SEED: 'on', LOG_LEVEL: logLevel, ...urls };
  const config = loadConfig(env, withSource(departments).map((d) => d.name));
  const settings = readPartSettings(config, departments);
  const hubEnvironment = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && REPORTED.test(k) && !/SECRET|TOKEN|PASSWORD/.test(k))) as Record<string, string>;

  const hub = await HubProcess.start(env);
  const pools = Object.fromEntries(names.map((n) => [n, createPool({ uri: sourceUrls[n], connectionLimit: 10, timezone: 'Z' })]));
  const instances: HubProcess[] = [hub];
  const bench: BenchHub = {
    hub,
    live: hub,
    settings,
    hubEnvironment,
    url: `http://127.0.0.1:${hub.port}/graphql`,
    wsUrl: `ws://127.0.0.1:${hub.port}/graphql`,
    pools,
    sourceUrls,
    authorization: (role, department) => bench.hub.authorization(role as never, department),
    async restart() {
      await bench.hub.stop();
      const fresh = await HubProcess.start({ ...env, DEMO_SEED: 'off' });
      instances[0] = fresh;
      Object.assign(bench, { hub: fresh, live: fresh, url: `http://127.0.0.1:${fresh.port}/graphql`, wsUrl: `ws://127.0.0.1:${fresh.port}/graphql` });
    },
    async startInstance(extra) {
      const instance = await HubProcess.start({ ...env, DEMO_SEED: 'off', ...extra }, `hub instance ${instances.length + 1}`);
      instances.push(instance);
      return instance;
    },
    async close() {
      await Promise.all(instances.map((i) => i.stop()));
      await Promise.all(Object.values(pools).map((p) => p.end()));
      const connection = await createConnection({ uri: mysqlUrl });
      for (const n of names) await connection.query(`DROP DATABASE IF EXISTS \`${tag}_${n}\``);
      await connection.end();
    },
  };
  return bench;
}
