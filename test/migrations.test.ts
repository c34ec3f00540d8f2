import { civilMigrations } from '../migrations/civil';
import { describeEachDriver } from './helpers/drivers';
import { openTestSources } from './helpers/test-sources';

describeEachDriver('migrations', (driver) => {
  let opened: Awaited<ReturnType<typeof openTestSources>>;
  beforeAll(async () => {
    opened = await openTestSources(driver);
  });
  afterAll(() => opened?.close());

  it('build exactly the tables the entities describe, in every source', async () => {
    const pending: Record<string, string[]> = {};
    for (const name of opened.sources.names) {
      pending[name] = (await opened.sources.get(name).driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
    }
    expect(pending).toEqual(Object.fromEntries(opened.sources.names.map((name) => [name, []])));
  });

  it('can be run again without changing anything', async () => {
    for (const name of opened.sources.names) {
      expect(await opened.sources.get(name).runMigrations()).toEqual([]);
    }
  });

  it('can be reverted and reapplied', async () => {
    const civil = opened.sources.get('civil');
    await civil.undoLastMigration();
    expect(await civil.query(`SELECT COUNT(*) AS n FROM schema_migration`)).toEqual([{ n: civilMigrations.length - 1 }]);
    expect((await civil.runMigrations()).length).toBe(1);
  });
});
