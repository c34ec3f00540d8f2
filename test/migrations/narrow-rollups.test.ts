import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { hubMigrations } from '../../migrations/hub';
import { HUB_SOURCE, loadConfig } from '../../src/config';
import { dataSourceOptions } from '../../src/core/data-sources/data-source-options';
import { MetricRollup } from '../../src/live/feeds/metric-rollup.entity';
import { describeEachDriver } from '../helpers/drivers';
import { createTestDatabases, type TestDatabases } from '../helpers/test-databases';

const NARROW = 'NarrowMetricRollups1764700000000';

describeEachDriver('the rollups become narrow', (driver) => {
  let databases: TestDatabases;
  let hub: DataSource;
  const open = async (options: DataSourceOptions) => {
    hub = new DataSource(options);
    await hub.initialize();
  };
  beforeAll(async () => {
    databases = await createTestDatabases(driver, [HUB_SOURCE]);
    const config = loadConfig(databases.env, []).sources[HUB_SOURCE];
    if (config.driver === 'mysql') {
      const connection = await createConnection({ host: config.host, port: config.port, user: config.user, password: config.password });
      await connection.query(`CREATE DATABASE IF NOT EXISTS \`${config.database}\``);
      await connection.end();
    }
    // The hub source as it was before: every migration up to the narrow one.
    const before = hubMigrations.slice(0, hubMigrations.findIndex((m) => m.name === NARROW));
    await open(dataSourceOptions(config, { name: HUB_SOURCE, entities: [], migrations: before }, { mariadb: driver === 'mysql' }));
    await hub.runMigrations();
  });
  afterAll(async () => {
    await hub?.destroy();
    await databases?.drop();
  });

  it('moves every wide row over, metric by metric, and back again', async () => {
    const wide: [number, string, number, number, number][] = [
      [1, '2026-11-30 02:05:00', 12, 3, 0],
      [1, '2026-11-30 02:10:00', 0, 0, 4],
      [2, '2026-11-30 02:05:00', 7, 7, 1],
      [58, '2025-01-01 00:00:00', 1, 0, 0],
    ];
    for (const row of wide) await hub.query('INSERT INTO metric_rollup (hub_id, bucket_start, entered, exited, meals) VALUES (?, ?, ?, ?, ?)', row);
    const options = hub.options;
    await hub.destroy();
    await open({ ...options, entities: [MetricRollup], migrations: hubMigrations } as DataSourceOptions);
    expect((await hub.runMigrations()).map((m) => m.name)).toContain(NARROW);

    const rows = await hub.getRepository(MetricRollup).find({ order: { hubId: 'ASC', bucketStart: 'ASC', metric: 'ASC' } });
    expect(rows.map((r) => [r.hubId, r.bucketStart.toISOString(), r.metric, r.value])).toEqual([
      [1, '2026-11-30T02:05:00.000Z', 'exits', 3],
      [1, '2026-11-30T02:05:00.000Z', 'footfall', 12],
      [1, '2026-11-30T02:10:00.000Z', 'meals', 4],
      [2, '2026-11-30T02:05:00.000Z', 'exits', 7],
      [2, '2026-11-30T02:05:00.000Z', 'footfall', 7],
      [2, '2026-11-30T02:05:00.000Z', 'meals', 1],
      [58, '2025-01-01T00:00:00.000Z', 'footfall', 1],
    ]);

    // Reverted, the wide rows come back with the same sums.
    const applied = async () => Number((await hub.query('SELECT COUNT(*) AS n FROM schema_migration WHERE name = ?', [NARROW]))[0].n);
    while ((await applied()) > 0) await hub.undoLastMigration();
    const back = await hub.query('SELECT hub_id, entered, exited, meals FROM metric_rollup ORDER BY hub_id, bucket_start');
    expect(back.map((r: Record<string, unknown>) => [Number(r.hub_id), Number(r.entered), Number(r.exited), Number(r.meals)])).toEqual(wide.map(([id, , e, x, m]) => [id, e, x, m]));
  });
});
