import { startHub, type RunningHub } from '../../src/app';
import { HUB_SOURCE, loadConfig } from '../../src/config';
import { sourceUrlVariable } from '../../src/core/data-sources/source-config';
import { createLogger } from '../../src/core/logging/logger';
import { departments } from '../../src/departments';
import { postGraphQL, type GraphQLResponse } from '../helpers/graphql-request';
import { createTestDatabases, type TestDatabases } from '../helpers/test-databases';
import { startCuttableProxy, type CuttableProxy } from '../screen/helpers/cuttable-proxy';
import { withSource } from '../../src/core/departments/department-module';

/** Guard settings short enough for a test: a dead source is noticed and probed within a second or two. */
export const QUICK_GUARD = { DB_QUERY_TIMEOUT_MS: '2000', DB_CHECK_MS: '200', DB_PROBE_MIN_MS: '300', DB_PROBE_MAX_MS: '1000', DB_BREAKER_FAILURES: '2' };

export interface RelayedHub {
  hub: RunningHub;
  url: string;
  wsUrl: string;
  /** One TCP relay per relayed source, between the hub and MariaDB: cut it as a pulled cable would. */
  relays: Record<string, CuttableProxy>;
  databases: TestDatabases;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * A real hub on MariaDB whose `relayed` sources reach the server through relays the test cuts.
 * `cutBeforeStart` sources are cut before the hub starts (a department down at start).
 */
export async function startRelayedHub(options: { relayed: string[]; cutBeforeStart?: string[]; seed?: boolean; env?: Record<string, string>; databases?: TestDatabases }): Promise<RelayedHub> {
  const names = withSource(departments).map((d) => d.name);
  const databases = options.databases ?? (await createTestDatabases('mysql', [HUB_SOURCE, ...names]));
  const relays: Record<string, CuttableProxy> = {};
  const env: Record<string, string> = { ...databases.env };
  for (const source of options.relayed) {
    relays[source] = await startCuttableProxy(3306);
    const port = new URL(relays[source].origin).port;
    const variable = sourceUrlVariable(source);
    env[variable] = env[variable].replace(/@[^/]+\//, `@127.0.0.1:${port}/`);
    if (options.cutBeforeStart?.includes(source)) relays[source].cut();
  }
  const config = loadConfig(
    { HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', DEMO_SEED: options.seed === false ? 'off' : 'on', NODE_ENV: 'test', RATE_LIMIT_PER_SECOND: '0', ...QUICK_GUARD, ...env, ...options.env },
    names,
  );
  const hub = await startHub(config, { modules: departments, logger: createLogger('warn', () => undefined) });
  const url = `http://127.0.0.1:${hub.port}/graphql`;
  return {
    hub,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    relays,
    databases,
    query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
    async close() {
      await hub.close();
      for (const relay of Object.values(relays)) await relay.close();
    },
  };
}

/** Waits until `test` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Milliseconds `call` took. */
export async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await call();
  return { ms: performance.now() - started, value };
}
