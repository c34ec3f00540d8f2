import { createConnection, createPool, type Pool } from 'mysql2/promise';
import { startHub, type RunningHub } from '../src/app';
import { HUB_SOURCE, loadConfig } from '../src/config';
import { sourceUrlVariable } from '../src/core/data-sources/source-config';
import { createLogger } from '../src/core/logging/logger';
import { departments } from '../src/departments';

export interface BenchHub {
  hub: RunningHub;
  url: string;
  /** A mysql2 pool on each source's database, for the baselines and for direct writes. */
  pools: Record<string, Pool>;
  close(): Promise<void>;
}

/** A hub on fresh MariaDB databases (seeded demo district), as production runs it. */
export async function startBenchHub(mysqlUrl: string, env: Record<string, string> = {}): Promise<BenchHub> {
  const names = [HUB_SOURCE, ...departments.map((d) => d.name)];
  const tag = `xh_bench_${process.pid}`;
  const urls = Object.fromEntries(names.map((n) => [sourceUrlVariable(n), `${mysqlUrl.replace(/\/$/, '')}/${tag}_${n}`]));
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', LOG_LEVEL: 'warn', ...urls, ...env }, departments.map((d) => d.name));
  const hub = await startHub(config, { modules: departments, logger: createLogger('warn') });
  const pools = Object.fromEntries(names.map((n) => [n, createPool({ uri: `${mysqlUrl.replace(/\/$/, '')}/${tag}_${n}`, connectionLimit: 10, timezone: 'Z' })]));
  return {
    hub,
    url: `http://127.0.0.1:${hub.port}/graphql`,
    pools,
    async close() {
      await hub.close();
      await Promise.all(Object.values(pools).map((p) => p.end()));
      const connection = await createConnection({ uri: mysqlUrl });
      for (const n of names) await connection.query(`DROP DATABASE IF EXISTS \`${tag}_${n}\``);
      await connection.end();
    },
  };
}
