import { createConnection, createPool, type Pool } from 'mysql2/promise';
import { readPartSettings, startHub, type PartSettings, type RunningHub } from '../src/app';
import { HUB_SOURCE, loadConfig } from '../src/config';
import { ApiRole } from '../src/core/auth/api-role';
import { API_KEY_ISSUER } from '../src/core/auth/keys/api-key-issuer';
import type { Viewer } from '../src/core/auth/viewer';
import { sourceUrlVariable } from '../src/core/data-sources/source-config';
import { createLogger, type LogLevel } from '../src/core/logging/logger';
import { departments } from '../src/departments';
import { LIVE, type LiveService } from '../src/live/live-service';
import { withSource } from '../src/core/departments/department-module';

export interface BenchHub {
  hub: RunningHub;
  /** The settings the hub's parts read (live, limits, departments'). */
  settings: PartSettings;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  /** A mysql2 pool on each source's database, for the baselines and for direct writes. */
  pools: Record<string, Pool>;
  live: LiveService;
  /** `Bearer <key>` of a new API key (issued as the admin would, audited). */
  authorization(role: ApiRole, department?: string): Promise<string>;
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

const ADMIN: Viewer = { kind: 'client', clientId: null, name: 'npm run bench', role: ApiRole.ADMIN, department: null, hubId: null };

/**
 * A hub on fresh MariaDB databases (seeded demo district, simulator off), as production runs
 * it. The hub's other settings (FEED_POLL_MS, FEED_BATCH_SIZE, WS_SOFT_BUFFER_BYTES, …) are
 * read from the environment as `npm start` reads them.
 */
export async function startBenchHub(mysqlUrl: string): Promise<BenchHub> {
  const names = [HUB_SOURCE, ...withSource(departments).map((d) => d.name)];
  const tag = `xh_bench_${process.pid}`;
  const base = mysqlUrl.replace(/\/$/, '');
  const urls = Object.fromEntries(names.map((n) => [sourceUrlVariable(n), `${base}/${tag}_${n}`]));
  const logLevel = (process.env.BENCH_LOG_LEVEL ?? 'warn') as LogLevel;
  const env = { ...BENCH_HUB_DEFAULTS, ...process.env, HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', DEMO_SEED: 'on', LOG_LEVEL: logLevel, ...urls };
  const config = loadConfig(env, withSource(departments).map((d) => d.name));
  const hub = await startHub(config, { modules: departments, logger: createLogger(logLevel) });
  const pools = Object.fromEntries(names.map((n) => [n, createPool({ uri: `${base}/${tag}_${n}`, connectionLimit: 10, timezone: 'Z' })]));
  const issuer = hub.services.registry.get(API_KEY_ISSUER);
  let keys = 0;
  return {
    hub,
    settings: readPartSettings(config, departments),
    url: `http://127.0.0.1:${hub.port}/graphql`,
    wsUrl: `ws://127.0.0.1:${hub.port}/graphql`,
    pools,
    live: hub.services.registry.get(LIVE),
    async authorization(role, department) {
      const { key } = await issuer.create(ADMIN, { name: `bench ${role.toLowerCase()} ${++keys}`, role, department });
      return `Bearer ${key}`;
    },
    async close() {
      await hub.close();
      await Promise.all(Object.values(pools).map((p) => p.end()));
      const connection = await createConnection({ uri: mysqlUrl });
      for (const n of names) await connection.query(`DROP DATABASE IF EXISTS \`${tag}_${n}\``);
      await connection.end();
    },
  };
}
