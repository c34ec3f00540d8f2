import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { ApiRole } from '../../src/core/auth/api-role';
import { dataSourceOptions } from '../../src/core/data-sources/data-source-options';
import { createLogger } from '../../src/core/logging/logger';
import { atLocalTime } from '../../src/core/time/local-time';
import { SimulationDriver } from '../../src/live/simulation-driver';
import { readsOfEntities, schemaProblems } from '../../src/core/data-sources/source-schema-check';
import { departments } from '../../src/departments';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { DoorSensor } from '../../src/departments/iot/sensors/door-sensor.entity';
import { sourceDefinitions } from '../../src/hub-source';
import { availableDrivers, describeEachDriver, type Driver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor, liveOf } from '../live/live-helpers';
import { eventually, QUICK_GUARD } from '../outage/relayed-hub';
import { startCuttableProxy, type CuttableProxy } from '../screen/helpers/cuttable-proxy';
import { createDepartmentDatabase, type DepartmentDatabase } from './department-database';
import { recipe } from './doc-recipes';

const onMysql = availableDrivers().includes('mysql') ? describe : describe.skip;

const STATUS = /* GraphQL */ `
  query Status { departments { name status lastError } hubs(first: 60) { totalCount edges { node { name canteen { mealsServed } } } } }
`;

/** The iot views of docs/sources.md with one column left out of footfall_reading (a DBA's slip). */
const VENDOR_COLUMN: Record<string, string> = { entered: 'in_num', exited: 'out_num' };
const viewsWithout = (column: 'entered' | 'exited') =>
  recipe('views: iot').map((statement) => statement.replace(`, l.${VENDOR_COLUMN[column]} AS ${column}`, '').replace(/^CREATE /, 'CREATE OR REPLACE '));

/** An external iot source that lacks `footfall_reading.entered`, and how its DBA puts it right. */
interface BrokenIot {
  env: Record<string, string>;
  fix(): Promise<void>;
  /** The DBA drops the column again, while the hub runs. */
  breakAgain(): Promise<void>;
  drop(): Promise<void>;
}

async function brokenIot(driver: Driver): Promise<BrokenIot> {
  if (driver === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-external-'));
    const file = path.join(dir, 'counters.sqlite');
    // The department's own file, made by its own system.
    const db = new DataSource({ type: 'better-sqlite3', database: file });
    await db.initialize();
    await db.query('CREATE TABLE door_sensor (id INTEGER PRIMARY KEY AUTOINCREMENT, hub_id INTEGER NOT NULL, code VARCHAR(40) NOT NULL, position VARCHAR(40) NOT NULL, facility_id INTEGER NULL, installed_at DATETIME NOT NULL)');
    await db.query('CREATE TABLE footfall_reading (id INTEGER PRIMARY KEY AUTOINCREMENT, sensor_id INTEGER NOT NULL, hub_id INTEGER NOT NULL, at DATETIME NOT NULL, exited INTEGER NOT NULL)');
    return {
      env: { IOT_DB_URL: `sqlite:${file}`, IOT_DB_EXTERNAL: 'true' },
      async fix() {
        await db.query('ALTER TABLE footfall_reading ADD COLUMN entered INTEGER NOT NULL DEFAULT 0');
      },
      async breakAgain() {
        await db.query('ALTER TABLE footfall_reading DROP COLUMN entered');
      },
      async drop() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const vendor = await createDepartmentDatabase('iot', [...recipe('vendor tables: iot'), ...viewsWithout('entered')]);
  return {
    env: { IOT_DB_URL: vendor.readOnlyUrl, IOT_DB_EXTERNAL: 'true', IOT_DB_TIMEZONE: '+08:00' },
    async fix() {
      for (const statement of recipe('views: iot')) await vendor.dba.query(statement.replace(/^CREATE /, 'CREATE OR REPLACE '));
    },
    async breakAgain() {
      for (const statement of viewsWithout('entered')) await vendor.dba.query(statement);
    },
    drop: () => vendor.drop(),
  };
}

describeEachDriver('an external source missing a column it is read for', (driver) => {
  let iot: BrokenIot;
  let t: TestHub;
  let screen: Record<string, string>;
  beforeAll(async () => {
    iot = await brokenIot(driver);
    t = await startTestHub({ driver, env: { ...QUICK_GUARD, ...iot.env } });
    screen = { authorization: `Bearer ${await keyFor(t.hub, ApiRole.SCREEN)}` };
  });
  afterAll(async () => {
    await t?.close();
    await iot?.drop();
  });

  it('starts with iot DOWN, the reason naming the table and column, while civil and health serve', async () => {
    const { data, errors } = await t.query(STATUS, {}, screen);
    expect(errors).toBeUndefined();
    const byName = Object.fromEntries(data.departments.map((d: { name: string }) => [d.name, d]));
    expect(byName.iot).toEqual({ name: 'iot', status: 'DOWN', lastError: 'iot: table footfall_reading has no column entered' });
    expect(byName.civil.status).toBe('UP');
    expect(byName.health.status).toBe('UP');
    expect(data.hubs.totalCount).toBeGreaterThan(0);
    // Health answers for the hubs with a canteen.
    const canteens = data.hubs.edges.filter((e: { node: { canteen: unknown } }) => e.node.canteen !== null);
    expect(canteens.length).toBeGreaterThan(0);
    for (const { node } of canteens) expect(node.canteen.mealsServed).toEqual(expect.any(Number));
    expect(t.logs.some((line) => line.includes('iot: table footfall_reading has no column entered'))).toBe(true);
  });

  it('comes up by itself once the DBA adds the column', async () => {
    await iot.fix();
    await eventually('iot up', async () => (await t.query(STATUS, {}, screen)).data.departments.find((d: { name: string }) => d.name === 'iot').status === 'UP');
  });

  it('then reads it and never writes it: no demo rows, the ingest refused naming IOT_DB_EXTERNAL', async () => {
    const { data } = await t.query('{ districtOverview { footfallToday } }', {}, screen);
    expect(data.districtOverview.footfallToday).toBe(0);
    const iotKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    const refused = await t.query(
      'mutation R($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted } }',
      { readings: [{ sensorId: '1', at: new Date(Date.now() - 5_000).toISOString(), entered: 1, exited: 0 }] },
      { authorization: `Bearer ${iotKey}` },
    );
    expect(refused.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', setting: 'IOT_DB_EXTERNAL' })]);
    // Whatever else tries to write (a seed, a simulator, a future resolver) is refused in the source layer, before the statement is sent.
    const iotSource = t.hub.services.sources.get('iot');
    await expect(iotSource.getRepository(DoorSensor).insert({ hubId: 1, code: 'X-1', position: '正门', installedAt: new Date() })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', setting: 'IOT_DB_EXTERNAL', department: 'iot' },
    });
    await expect(iotSource.query('DELETE FROM footfall_reading')).rejects.toMatchObject({ extensions: { setting: 'IOT_DB_EXTERNAL' } });
    await expect(iotSource.query('CREATE TABLE hub_scratch (id INT)')).rejects.toMatchObject({ extensions: { setting: 'IOT_DB_EXTERNAL' } });
    expect(await iotSource.getRepository(DoorSensor).count()).toBe(0);
    // The simulator leaves the department's own database to its devices.
    const simulator = new SimulationDriver(departments, t.hub.services.sources, () => liveOf(t.hub).state.hubList(), createLogger('silent'));
    const written = await simulator.tick(new Date(atLocalTime(new Date(), 10, 0).getTime() + 7_000));
    expect(Object.keys(written)).not.toContain('iot');
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['health', 'urban']));
    expect(await iotSource.getRepository(DoorSensor).count()).toBe(0);
  });

  it('notices a column dropped while it runs: the first query that meets it takes iot DOWN, named by the check, until it is back', async () => {
    const iotOf = async () => (await t.query(STATUS, {}, screen)).data.departments.find((d: { name: string }) => d.name === 'iot');
    await iot.breakAgain();
    // The footfall feed reads the table every FEED_POLL_MS: it meets the missing column.
    await eventually('iot down, named', async () => (await iotOf()).lastError === 'iot: table footfall_reading has no column entered');
    expect(await iotOf()).toMatchObject({ status: 'DOWN' });
    // Civil still answers.
    expect((await t.query('{ hub(id: "1") { name } }', {}, screen)).data.hub.name).toEqual(expect.any(String));
    await iot.fix();
    await eventually('iot up again', async () => (await iotOf()).status === 'UP');
  });
});

describe('an external SQLite file that is not there', () => {
  it('is not created: iot is DOWN, saying so, and the rest serves', async () => {
    const missing = path.join(os.tmpdir(), `xh-no-such-${process.pid}-${Date.now()}.sqlite`);
    const t = await startTestHub({ driver: 'sqlite', seed: false, env: { IOT_DB_URL: `sqlite:${missing}`, IOT_DB_EXTERNAL: 'true' } });
    try {
      const iot = t.hub.services.sources.health('iot');
      expect(iot).toMatchObject({ up: false, lastError: `iot: there is no file ${missing} (an external source is the department's own: the hub does not create it)` });
      expect(t.hub.services.sources.isUp('civil')).toBe(true);
      expect(fs.existsSync(missing)).toBe(false);
    } finally {
      await t.close();
    }
  });
});

onMysql('the check on MariaDB, with SELECT-only accounts', () => {
  /** Opens one department's external source over `db` and returns what the check finds. */
  async function problemsOf(department: string, db: DepartmentDatabase): Promise<string[]> {
    const config = loadConfig({ [`${department.toUpperCase()}_DB_URL`]: db.readOnlyUrl, [`${department.toUpperCase()}_DB_EXTERNAL`]: 'true' }, departments.map((d) => d.name));
    const definition = sourceDefinitions(departments, config.sources).find((d) => d.name === department)!;
    const source = new DataSource(dataSourceOptions(config.sources[department], definition, { mariadb: true }));
    await source.initialize();
    try {
      return await schemaProblems(source, readsOfEntities(source));
    } finally {
      await source.destroy();
    }
  }

  it.each(['civil', 'iot', 'health', 'urban'])('finds nothing wrong with the %s views of docs/sources.md', async (department) => {
    const db = await createDepartmentDatabase(department, [...recipe(`vendor tables: ${department}`), ...recipe(`views: ${department}`)]);
    try {
      expect(await problemsOf(department, db)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('reads the changing tables (civil’s activities, urban’s docks) through the vendor’s (change time, id) index', async () => {
    const db = await createDepartmentDatabase('changing', [...recipe('vendor tables: civil'), ...recipe('views: civil'), ...recipe('vendor tables: urban'), ...recipe('views: urban')]);
    try {
      await db.dba.query(
        `INSERT INTO t_event (site_id, org_id, event_title, event_category, begin_time, end_time, quota, state, modify_time)
         SELECT 1 + seq % 58, NULL, '讲座', '健康讲座', NOW() + INTERVAL seq MINUTE, NOW() + INTERVAL seq MINUTE + INTERVAL 1 HOUR, 20, 1, NOW() - INTERVAL 20000 SECOND + INTERVAL seq SECOND FROM seq_1_to_20000`,
      );
      await db.dba.query(
        `INSERT INTO t_bike_dock (metro_station, metro_exit, wgs_lat, wgs_lng, total_spaces, charger_count, used_spaces, report_time)
         SELECT '文三路', 'A', 30.28, 120.13, 50, 5, 10, NOW() - INTERVAL 2000 SECOND + INTERVAL seq SECOND FROM seq_1_to_2000`,
      );
      await db.dba.query('ANALYZE TABLE t_event, t_bike_dock');
      // The feeds' reads past their (updated_at, id) cursor, as src/departments/*/feeds send them.
      for (const [view, columns, index] of [
        ['activity', 'a.id, a.hub_id, a.updated_at', 'idx_event_modify'],
        ['bike_parking_point', 'a.id, a.lat, a.lng, a.spaces, a.occupied, a.updated_at', 'idx_bike_dock_report'],
      ]) {
        const [plan] = await db.dba.query(
          `EXPLAIN SELECT ${columns} FROM ${view} a WHERE (a.updated_at > ? OR (a.updated_at = ? AND a.id > ?)) ORDER BY a.updated_at ASC, a.id ASC LIMIT 1000`,
          [new Date(Date.now() - 100_000), new Date(Date.now() - 100_000), 5],
        );
        const rows = plan as { type: string; key: string; Extra: string }[];
        expect(rows.map((r) => [r.type, r.key])).toEqual([['range', index]]);
        expect(rows[0].Extra).not.toMatch(/filesort|temporary/);
      }
    } finally {
      await db.drop();
    }
  });

  it('takes the views that convert to UTC themselves, and reads the instants they give', async () => {
    const db = await createDepartmentDatabase('iot', [...recipe('vendor tables: iot'), ...recipe('views in UTC: iot')]);
    try {
      expect(await problemsOf('iot', db)).toEqual([]);
      await db.dba.query("INSERT INTO t_counter_device (dev_no, site_id, door_name, install_time) VALUES ('CNT-1', 1, '正门', '2026-03-01 09:00:00')");
      await db.dba.query("INSERT INTO t_counter_log (dev_no, log_time, in_num, out_num) VALUES ('CNT-1', '2026-03-01 23:30:00', 4, 1)");
      const config = loadConfig({ IOT_DB_URL: db.readOnlyUrl, IOT_DB_EXTERNAL: 'true' }, departments.map((d) => d.name));
      const definition = sourceDefinitions(departments, config.sources).find((d) => d.name === 'iot')!;
      const source = new DataSource(dataSourceOptions(config.sources.iot, definition, { mariadb: true }));
      await source.initialize();
      try {
        const [reading] = await source.getRepository(FootfallReading).find();
        expect(reading).toMatchObject({ hubId: 1, at: new Date('2026-03-01T15:30:00Z'), entered: 4, exited: 1 });
      } finally {
        await source.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  it('names a missing view, a column of the wrong type and one that may be NULL', async () => {
    const db = await createDepartmentDatabase('iot', [
      ...recipe('vendor tables: iot'),
      `CREATE VIEW footfall_reading AS
         SELECT l.log_id AS id, d.dev_id AS sensor_id, d.site_id AS hub_id, l.log_time AS at, CAST(l.in_num AS CHAR) AS entered, l.out_num AS exited
         FROM t_counter_log l LEFT JOIN t_counter_device d ON d.dev_no = l.dev_no`,
    ]);
    try {
      expect(await problemsOf('iot', db)).toEqual([
        'column footfall_reading.sensor_id may be NULL, which the hub does not accept there',
        'column footfall_reading.hub_id may be NULL, which the hub does not accept there',
        'column footfall_reading.entered is varchar, the hub reads an integer',
        'there is no table or view door_sensor',
      ]);
    } finally {
      await db.drop();
    }
  });

  describe('when the source comes back after an outage', () => {
    let vendor: DepartmentDatabase;
    let relay: CuttableProxy;
    let t: TestHub;
    const iotStatus = async () => (await t.query('{ departments { name status lastError } }', {}, { authorization: `Bearer ${await keyFor(t.hub, ApiRole.SCREEN)}` })).data.departments.find((d: { name: string }) => d.name === 'iot');

    beforeAll(async () => {
      vendor = await createDepartmentDatabase('iot', [...recipe('vendor tables: iot'), ...recipe('views: iot')]);
      relay = await startCuttableProxy(3306);
      const url = vendor.readOnlyUrl.replace(/@[^/]+\//, `@127.0.0.1:${new URL(relay.origin).port}/`);
      t = await startTestHub({ driver: 'mysql', env: { ...QUICK_GUARD, IOT_DB_URL: url, IOT_DB_EXTERNAL: 'true', IOT_DB_TIMEZONE: '+08:00' } });
    });
    afterAll(async () => {
      await t?.close();
      await relay?.close();
      await vendor?.drop();
    });

    it('checks it again: a column dropped during the outage keeps iot DOWN, named, until it is back', async () => {
      expect(await iotStatus()).toMatchObject({ status: 'UP' });
      relay.cut();
      await eventually('iot down', async () => (await iotStatus()).status === 'DOWN');
      for (const statement of viewsWithout('exited')) await vendor.dba.query(statement);
      relay.restore();
      await eventually('the check names the column', async () => (await iotStatus()).lastError === 'iot: table footfall_reading has no column exited');
      // It stays down past several health checks (DB_CHECK_MS=200).
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await iotStatus()).toEqual({ name: 'iot', status: 'DOWN', lastError: 'iot: table footfall_reading has no column exited' });
      for (const statement of recipe('views: iot')) await vendor.dba.query(statement.replace(/^CREATE /, 'CREATE OR REPLACE '));
      await eventually('iot up again', async () => (await iotStatus()).status === 'UP');
    });
  });
});
