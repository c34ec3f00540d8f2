import { HUB_SOURCE, loadConfig } from '../../src/config';
import { SourceRegistry } from '../../src/core/data-sources/source-registry';
import { departments } from '../../src/departments';
import { sourceDefinitions } from '../../src/hub-source';
import type { Driver } from './drivers';
import { createTestDatabases, type TestDatabases } from './test-databases';
import { withSource } from '../../src/core/departments/department-module';

/** Every data source, opened and migrated over fresh databases (or `given` ones, which stay), without a server. */
export async function openTestSources(driver: Driver, given?: TestDatabases): Promise<{ sources: SourceRegistry; close(): Promise<void> }> {
  const names = withSource(departments).map((d) => d.name);
  const databases = given ?? (await createTestDatabases(driver, [HUB_SOURCE, ...names]));
  const config = loadConfig(databases.env, names);
  const sources = new SourceRegistry(config.sources, sourceDefinitions(departments, config.sources));
  await sources.open({ migrate: true });
  return {
    sources,
    async close() {
      await sources.close();
      if (!given) await databases.drop();
    },
  };
}
