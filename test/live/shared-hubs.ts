import { startHub, type RunningHub } from '../../src/app';
import { HUB_SOURCE, loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logging/logger';
import { departments } from '../../src/departments';
import type { Driver } from '../helpers/drivers';
import { createTestDatabases, type TestDatabases } from '../helpers/test-databases';
import { withSource } from '../../src/core/departments/department-module';

/** Databases that several hubs (instances) open in turn or together, as a restart or a second instance would. */
export async function sharedDatabases(driver: Driver): Promise<TestDatabases> {
  return createTestDatabases(driver, [HUB_SOURCE, ...withSource(departments).map((d) => d.name)]);
}

export async function startInstance(databases: TestDatabases, env: Record<string, string> = {}, logs: string[] = []): Promise<RunningHub> {
  const config = loadConfig(
    { HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', DEMO_SEED: 'on', NODE_ENV: 'test', ...databases.env, ...env },
    withSource(departments).map((d) => d.name),
  );
  return startHub(config, { modules: departments, logger: createLogger('debug', (line) => logs.push(line)) });
}
