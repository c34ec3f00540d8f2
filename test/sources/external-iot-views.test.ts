import type { Connection } from 'mysql2/promise';
import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { availableDrivers } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor } from '../live/live-helpers';
import { eventually } from '../outage/relayed-hub';
import { createDepartmentDatabase, type DepartmentDatabase } from './department-database';
import { recipe } from './doc-recipes';

// A read-only account is a MariaDB thing: this suite needs the server.
const onMysql = availableDrivers().includes('mysql') ? describe : describe.skip;

const HOURS_8 = 8 * 3600_000;
/** How the vendor's system writes a time: its wall clock in Shanghai (+08:00). */
const localText = (at: Date) => new Date(at.getTime() + HOURS_8).toISOString().slice(0, 19).replace('T', ' ');

const HUB_LIVE = /* GraphQL */ `
  query HubLive($id: ID!) { hub(id: $id) { id live { footfallToday occupancy } } }
`;

onMysql('an external iot source: views over a counter vendor’s tables, read with a SELECT-only account, on MariaDB', () => {
  let vendor: DepartmentDatabase;
  let t: TestHub;
  let screen: Record<string, string>;
  const devices = [
    { devNo: 'CNT-A-001', hubId: 1 },
    { devNo: 'CNT-A-002', hubId: 1 },
    { devNo: 'CNT-B-001', hubId: 2 },
    { devNo: 'CNT-C-001', hubId: 3 },
  ];
  let second = Math.floor(Date.now() / 1000) * 1000 - 1_000_000; // distinct log times, all recent

  /** The vendor's system logs one count: returns its id. */
  async function log(connection: Connection, devNo: string, at: Date, inNum: number, outNum: number): Promise<number> {
    const [result] = await connection.query('INSERT INTO t_counter_log (dev_no, log_time, in_num, out_num) VALUES (?, ?, ?, ?)', [devNo, localText(at), inNum, outNum]);
    return (result as { insertId: number }).insertId;
  }

  /** Today's counts for a hub, recounted from the vendor's own table (local midnight in its own time). */
  async function recount(hubId: number): Promise<{ entered: number; exited: number }> {
    const midnight = localText(startOfLocalDay(new Date()));
    const [rows] = await vendor.dba.query(
      `SELECT COALESCE(SUM(l.in_num), 0) AS entered, COALESCE(SUM(l.out_num), 0) AS exited
         FROM t_counter_log l JOIN t_counter_device d ON d.dev_no = l.dev_no WHERE d.site_id = ? AND l.log_time >= ?`,
      [hubId, midnight],
    );
    const [row] = rows as { entered: string; exited: string }[];
    return { entered: Number(row.entered), exited: Number(row.exited) };
  }

  async function liveOfHub(hubId: number): Promise<{ footfallToday: number; occupancy: number }> {
    const { data, errors } = await t.query(HUB_LIVE, { id: String(hubId) }, screen);
    expect(errors).toBeUndefined();
    return data.hub.live;
  }

  const nextSecond = () => new Date((second += 1000));

  beforeAll(async () => {
    // Recent log times: within the local day unless the suite runs in the first minutes after midnight.
    second = Math.max(startOfLocalDay(new Date()).getTime() + 1000, Math.floor(Date.now() / 1000) * 1000 - 600_000);
    vendor = await createDepartmentDatabase('iot', [...recipe('vendor tables: iot'), ...recipe('views: iot')]);
    for (const d of devices) {
      await vendor.dba.query('INSERT INTO t_counter_device (dev_no, site_id, door_name, install_time) VALUES (?, ?, ?, ?)', [d.devNo, d.hubId, '正门', '2025-06-01 09:00:00']);
    }
    // A district's worth of counters and forty days of history, as a vendor's tables hold: the
    // optimizer plans the views over them as it would in production (over four rows it joins by a buffer).
    await vendor.dba.query(
      "INSERT INTO t_counter_device (dev_no, site_id, door_name, install_time) SELECT CONCAT('CNT-Z-', seq), 4 + seq % 55, '侧门', '2025-06-01 09:00:00' FROM seq_1_to_196",
    );
    await vendor.dba.query(
      "INSERT INTO t_counter_log (dev_no, log_time, in_num, out_num) SELECT CONCAT('CNT-Z-', 1 + seq % 196), ? - INTERVAL 40 DAY + INTERVAL seq SECOND, 1, 1 FROM seq_1_to_20000",
      [localText(new Date())],
    );
    await vendor.dba.query('ANALYZE TABLE t_counter_device, t_counter_log');
    // What the counters logged before the hub started, and one count of yesterday evening (local).
    for (let i = 0; i < 40; i++) await log(vendor.dba, devices[i % devices.length].devNo, nextSecond(), 1 + (i % 4), i % 3);
    await log(vendor.dba, 'CNT-B-001', new Date(startOfLocalDay(new Date()).getTime() - 30 * 60_000), 50, 0);
    t = await startTestHub({
      driver: 'mysql',
      env: { IOT_DB_URL: vendor.readOnlyUrl, IOT_DB_EXTERNAL: 'true', IOT_DB_TIMEZONE: '+08:00', FEED_POLL_MS: '100' },
    });
    screen = { authorization: `Bearer ${await keyFor(t.hub, ApiRole.SCREEN)}` };
  });
  afterAll(async () => {
    await t?.close();
    await vendor?.drop();
  });

  it('opens iot read-only: no migration table, no seeded rows, the department up', async () => {
    const { data } = await t.query('{ departments { name status lastError } }', {}, screen);
    expect(data.departments.find((d: { name: string }) => d.name === 'iot')).toEqual({ name: 'iot', status: 'UP', lastError: null });
    const [tables] = await vendor.dba.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME');
    expect((tables as { name: string }[]).map((r) => r.name)).toEqual(['door_sensor', 'footfall_reading', 't_counter_device', 't_counter_log']);
    const [[{ n }]] = (await vendor.dba.query('SELECT COUNT(*) AS n FROM t_counter_log')) as unknown as [[{ n: number }]];
    expect(Number(n)).toBe(20_041);
  });

  it('counts today exactly what the vendor logged, in its local time, and yesterday evening in yesterday', async () => {
    for (const hubId of [1, 2, 3]) {
      const expected = await recount(hubId);
      await eventually(`hub ${hubId} live = the vendor's recount`, async () => (await liveOfHub(hubId)).footfallToday === expected.entered);
      expect(await liveOfHub(hubId)).toEqual({ footfallToday: expected.entered, occupancy: Math.max(0, expected.entered - expected.exited) });
    }
    // 23:30 yesterday in Shanghai is 15:30 UTC: read as UTC it would be today's 07:30.
    const dayStart = startOfLocalDay(new Date());
    const { data, errors } = await t.query(
      'query S($id: ID!, $from: DateTime!, $to: DateTime!) { hub(id: $id) { footfallSeries(from: $from, to: $to, bucket: HOUR) { at entered } } }',
      { id: '2', from: new Date(dayStart.getTime() - 2 * 3600_000).toISOString(), to: dayStart.toISOString() },
      screen,
    );
    expect(errors).toBeUndefined();
    const points = data.hub.footfallSeries.filter((p: { entered: number }) => p.entered > 0);
    expect(points).toEqual([{ at: new Date(dayStart.getTime() - 3600_000).toISOString(), entered: 50 }]);
  });

  it('follows rows appended to the vendor table, including an id that becomes visible after a later one', async () => {
    for (let i = 0; i < 25; i++) await log(vendor.dba, devices[i % devices.length].devNo, nextSecond(), 2, 1);
    const late = await vendor.connect();
    const early = await vendor.connect();
    try {
      await late.query('START TRANSACTION');
      const lateId = await log(late, 'CNT-C-001', nextSecond(), 7, 0);
      await early.query('START TRANSACTION');
      const earlyId = await log(early, 'CNT-C-001', nextSecond(), 11, 0);
      expect(earlyId).toBeGreaterThan(lateId);
      await early.query('COMMIT');
      const before = await recount(3);
      await eventually('hub 3 counts the later id first', async () => (await liveOfHub(3)).footfallToday === before.entered);
      await late.query('COMMIT');
      const after = await recount(3);
      expect(after.entered).toBe(before.entered + 7);
      await eventually('hub 3 counts the id that committed late', async () => (await liveOfHub(3)).footfallToday === after.entered, 20_000);
    } finally {
      await late.end();
      await early.end();
    }
    // Everything exactly once, across all the hubs.
    for (const hubId of [1, 2, 3]) {
      const expected = await recount(hubId);
      await eventually(`hub ${hubId} = recount`, async () => (await liveOfHub(hubId)).footfallToday === expected.entered);
    }
  });

  it('refuses the ingest mutation, naming IOT_DB_EXTERNAL, and writes nothing', async () => {
    const iotKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    const [[{ n: before }]] = (await vendor.dba.query('SELECT COUNT(*) AS n FROM t_counter_log')) as unknown as [[{ n: number }]];
    const { data, errors } = await t.query(
      'mutation R($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted } }',
      { readings: [{ sensorId: '1', at: new Date(Date.now() - 5_000).toISOString(), entered: 3, exited: 0 }] },
      { authorization: `Bearer ${iotKey}` },
    );
    expect(data?.recordFootfall ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', setting: 'IOT_DB_EXTERNAL', department: 'iot' });
    expect(errors![0].message).toContain('IOT_DB_EXTERNAL=true');
    const [[{ n: after }]] = (await vendor.dba.query('SELECT COUNT(*) AS n FROM t_counter_log')) as unknown as [[{ n: number }]];
    expect(Number(after)).toBe(Number(before));
  });

  it('reads the views through the vendor’s keys: EXPLAIN shows no full scan of the log table', async () => {
    // The feed's read, as the hub sends it: past its watermark, in id order, a batch at a time.
    for (const watermark of [0, 15_000]) {
      const [plan] = await vendor.dba.query('EXPLAIN SELECT * FROM footfall_reading WHERE id > ? ORDER BY id ASC LIMIT 1000', [watermark]);
      const rows = plan as { table: string; type: string; key: string | null; Extra: string }[];
      expect(rows.map((r) => [r.table, r.type, r.key])).toEqual([
        ['l', 'range', 'PRIMARY'],
        ['d', 'eq_ref', 'uq_counter_device_dev_no'],
      ]);
      expect(rows.map((r) => r.Extra).join(' ')).not.toMatch(/filesort|temporary/);
    }
    // The hub's account may read and nothing more.
    const { createConnection } = await import('mysql2/promise');
    const readOnly = await createConnection({ uri: vendor.readOnlyUrl });
    try {
      await expect(readOnly.query("INSERT INTO t_counter_log (dev_no, log_time, in_num, out_num) VALUES ('CNT-A-001', '2026-01-01 00:00:00', 1, 0)")).rejects.toThrow(/denied/i);
    } finally {
      await readOnly.end();
    }
  });
});
