import { startHub, type RunningHub } from '../../src/app';
import { HUB_SOURCE, loadConfig } from '../../src/config';
import { withSource, type DepartmentModule } from '../../src/core/departments/department-module';
import { createLogger } from '../../src/core/logging/logger';
import { departments as allDepartments } from '../../src/departments';
import type { Driver } from './drivers';
import { postGraphQL, type GraphQLResponse } from './graphql-request';
import { createTestDatabases, type TestDatabases } from './test-databases';

export interface TestHub {
  hub: RunningHub;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  /** Lines the hub logged (to check that nothing secret was). */
  logs: string[];
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface TestHubOptions {
  driver: Driver;
  /** Seed the demo district (default true). */
  seed?: boolean;
  env?: Record<string, string>;
  modules?: DepartmentModule[];
  /** Databases made (and seeded) beforehand; dropped on close like the hub's own. */
  databases?: TestDatabases;
}

/** A real hub on a free port over fresh databases of the given driver. */
export async function startTestHub({ driver, seed = true, env = {}, modules = allDepartments, databases: given }: TestHubOptions): Promise<TestHub> {
  const names = withSource(modules).map((m) => m.name);
  const databases = given ?? (await createTestDatabases(driver, [HUB_SOURCE, ...names]));
  const logs: string[] = [];
  try {
    const config = loadConfig(
      // Every test calls from 127.0.0.1: no rate limit unless a test asks for one (test/auth/limits.test.ts does).
      { HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', DEMO_SEED: seed ? 'on' : 'off', NODE_ENV: 'test', RATE_LIMIT_PER_SECOND: '0', ...databases.env, ...env },
      names,
    );
    const hub = await startHub(config, { modules, logger: createLogger('debug', (line) => logs.push(line)) });
    const url = `http://127.0.0.1:${hub.port}/graphql`;
    return {
      hub,
      url,
      wsUrl: url.replace(/^http/, 'ws'),
      logs,
      query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
      async close() {
        try {
          await hub.close();
        } finally {
          await databases.drop();
        }
      },
    };
  } catch (error) {
    await databases.drop();
    throw error;
  }
}
