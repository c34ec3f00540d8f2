import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { seedDepartments } from '../../seeds/seed-departments';
import { HUB_SOURCE, loadConfig } from '../../src/config';
import { SnakeCaseNaming } from '../../src/core/data-sources/snake-case-naming';
import { SourceRegistry } from '../../src/core/data-sources/source-registry';
import { ActivityStatus } from '../../src/departments/civil/activities/activity-status';
import { Activity } from '../../src/departments/civil/activities/activity.entity';
import { civilDepartment } from '../../src/departments/civil';
import { sourceDefinitions } from '../../src/hub-source';
import { ActivityPlace } from '../../src/departments/civil/bookings/activity-place.entity';
import { BookingStatus } from '../../src/departments/civil/bookings/booking-status';
import { Booking } from '../../src/departments/civil/bookings/booking.entity';
import { describeEachDriver, type Driver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { RESIDENT_JWT_SECRET, residentHeaders } from '../query/support/resident-tokens';
import { createDepartmentDatabase } from './department-database';
import { recipe } from './doc-recipes';

const HOUR = 3600_000;
const localText = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

/** Civil's own database, written by civil's own system; the hub gets it read-only. */
interface CivilOwnDatabase {
  env: Record<string, string>;
  /** An activity at hub 1, as civil's system adds it; its id. */
  addActivity(title: string, capacity: number, startsAt: Date, options?: { cancelled?: boolean; hours?: number }): Promise<number>;
  /** Civil's own row of an activity, to see that the hub changed nothing. */
  rowOf(id: number): Promise<unknown>;
  /** The tables in civil's database (not the vendor's own `t_` tables). */
  tables(): Promise<string[]>;
  drop(): Promise<void>;
}

/**
 * MariaDB: the vendor tables and views of docs/sources.md, a SELECT-only account, times kept in
 * Shanghai time (+08:00). SQLite: a civil file the hub once managed (migrated and seeded), now
 * declared external and opened read-only.
 */
async function civilOwnDatabase(driver: Driver): Promise<CivilOwnDatabase> {
  if (driver === 'mysql') {
    const civil = await createDepartmentDatabase('civil', [...recipe('vendor tables: civil'), ...recipe('views: civil')]);
    await civil.dba.query(
      `INSERT INTO t_site (site_code, site_name, site_type, district_name, street_name, addr, wgs_lat, wgs_lng, max_people, area_m2) VALUES
       ('XH-BS-01', '北山街道民生综合体', 1, '西湖区', '北山街道', '西湖区北山街道保俶路 1 号', 30.2655, 120.1336, 400, 3200.50),
       ('XH-XX-02', '西溪街道民生综合体', 2, '西湖区', '西溪街道', '西湖区西溪街道文二路 2 号', 30.2790, 120.1410, NULL, NULL)`,
    );
    await civil.dba.query("INSERT INTO t_site_room (site_id, room_type, room_name, floor_no) VALUES (1, 'LIBRARY', '城市书房', 1), (1, 'CANTEEN', '幸福餐厅', NULL)");
    return {
      env: { CIVIL_DB_URL: civil.readOnlyUrl, CIVIL_DB_EXTERNAL: 'true', CIVIL_DB_TIMEZONE: '+08:00' },
      async addActivity(title, capacity, startsAt, { cancelled = false, hours = 1 } = {}) {
        const [result] = await civil.dba.query(
          `INSERT INTO t_event (site_id, org_id, event_title, event_category, begin_time, end_time, quota, state) VALUES (1, NULL, ?, '健康讲座', ?, ?, ?, ?)`,
          [title, localText(startsAt), localText(new Date(startsAt.getTime() + hours * HOUR)), capacity, cancelled ? 9 : 1],
        );
        return (result as { insertId: number }).insertId;
      },
      async rowOf(id) {
        const [rows] = await civil.dba.query('SELECT * FROM t_event WHERE event_id = ?', [id]);
        return rows;
      },
      async tables() {
        const [rows] = await civil.dba.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 't\\_%' ORDER BY 1");
        return (rows as { name: string }[]).map((r) => r.name);
      },
      drop: () => civil.drop(),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-civil-own-'));
  const config = loadConfig({ DATA_DIR: dir }, ['civil']);
  const managed = new SourceRegistry(config.sources, sourceDefinitions([civilDepartment], config.sources));
  await managed.open({ migrate: true });
  await seedDepartments(managed, [civilDepartment], { scale: 'demo' });
  await managed.close();
  const file = path.join(dir, 'civil.sqlite');
  const own = new DataSource({ type: 'better-sqlite3', database: file, entities: [Activity], namingStrategy: new SnakeCaseNaming() });
  await own.initialize();
  return {
    env: { CIVIL_DB_URL: `sqlite:${file}`, CIVIL_DB_EXTERNAL: 'true' },
    async addActivity(title, capacity, startsAt, { cancelled = false, hours = 1 } = {}) {
      const saved = await own.getRepository(Activity).save({
        hubId: 1, organizationId: null, title, category: '健康讲座', startsAt, endsAt: new Date(startsAt.getTime() + hours * HOUR),
        capacity, booked: 0, status: cancelled ? ActivityStatus.CANCELLED : ActivityStatus.SCHEDULED, updatedAt: new Date(),
      });
      return saved.id;
    },
    rowOf: (id) => own.getRepository(Activity).findOneByOrFail({ id }),
    async tables() {
      const rows: { name: string }[] = await own.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
      return rows.map((r) => r.name);
    },
    async drop() {
      await own.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const NEARBY = /* GraphQL */ `
  query Nearby($near: GeoInput!, $from: DateTime, $to: DateTime) {
    nearbyHubs(near: $near, radiusMeters: 2000, first: 3) { distanceMeters hub { id name activities(from: $from, to: $to, first: 100) { id title startsAt capacity booked remaining } } }
  }
`;
const BOOK = /* GraphQL */ `mutation($id: ID!) { bookActivity(activityId: $id) { id status activity { id booked remaining } } }`;
const CANCEL = /* GraphQL */ `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status activity { id booked remaining } } }`;
const MINE = /* GraphQL */ `{ myBookings { id status activity { id title hub { name } } } }`;

describeEachDriver('civil external (the department’s own database, read-only): bookings kept by the hub', (driver) => {
  let civil: CivilOwnDatabase;
  let t: TestHub;
  /** 09:00 tomorrow in Shanghai. */
  const startsAt = new Date(`${localText(new Date(Date.now() + 24 * HOUR)).slice(0, 10)}T09:00:00+08:00`);
  /** What the mini-program asks, standing at hub 1: the hubs nearby and their activities up to tomorrow's. */
  async function nearby() {
    const { lat, lng } = (await t.query('{ hub(id: "1") { location { lat lng } } }')).data.hub.location;
    return t.query(NEARBY, { near: { lat, lng }, from: new Date().toISOString(), to: new Date(startsAt.getTime() + 60_000).toISOString() });
  }
  const addEvent = (title: string, capacity: number, at = startsAt, options?: { cancelled?: boolean; hours?: number }) => civil.addActivity(title, capacity, at, options);

  beforeAll(async () => {
    civil = await civilOwnDatabase(driver);
    t = await startTestHub({ driver, env: { ...civil.env, RESIDENT_JWT_SECRET } });
  });
  afterAll(async () => {
    await t?.close();
    await civil?.drop();
  });

  it('serves civil’s activities with their times as stored (+08:00 on MariaDB), and creates nothing in civil', async () => {
    const tables = await civil.tables();
    const id = await addEvent('太极拳晨练', 20);
    // Ended half an hour ago / ends in half an hour: the window's bound is sent at the source's offset too.
    const ended = await addEvent('已结束的讲座', 20, new Date(Date.now() - 1.5 * HOUR));
    const ending = await addEvent('快结束的讲座', 20, new Date(Date.now() - 0.5 * HOUR));
    const { data, errors } = await nearby();
    expect(errors).toBeUndefined();
    const bs = data.nearbyHubs.find((n: any) => n.hub.id === '1');
    expect(bs.hub.activities).toContainEqual({ id: String(id), title: '太极拳晨练', startsAt: startsAt.toISOString(), capacity: 20, booked: 0, remaining: 20 });
    const shown = bs.hub.activities.map((a: { id: string }) => a.id);
    expect(shown).toContain(String(ending));
    expect(shown).not.toContain(String(ended));
    expect(await civil.tables()).toEqual(tables);
  });

  it('lets 200 residents race for 20 places: exactly 20 confirmed, 180 told it is full, counted in the hub’s source', async () => {
    const id = await addEvent('书法体验课', 20);
    const before = await civil.rowOf(id);
    const headers = await Promise.all(Array.from({ length: 200 }, (_, i) => residentHeaders(`ext-race-${String(i).padStart(4, '0')}`)));
    const answers = await Promise.all(headers.map((h) => t.query(BOOK, { id: String(id) }, h)));
    const confirmed = answers.filter((a) => a.data?.bookActivity?.status === 'CONFIRMED');
    const refused = answers.filter((a) => a.errors);
    expect(confirmed).toHaveLength(20);
    expect(refused).toHaveLength(180);
    for (const answer of refused) {
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: `activityId: activity ${id} is fully booked (20 of 20 places)`,
          extensions: { code: 'BAD_USER_INPUT', argument: 'activityId', reason: 'ACTIVITY_FULL' },
        }),
      ]);
    }
    const hub = t.hub.services.sources.get(HUB_SOURCE);
    expect(await hub.getRepository(ActivityPlace).findOneByOrFail({ activityId: id })).toMatchObject({ booked: 20 });
    expect(await hub.getRepository(Booking).countBy({ activityId: id, status: BookingStatus.CONFIRMED })).toBe(20);
    expect(new Set(confirmed.map((a) => a.data.bookActivity.id)).size).toBe(20);
    // Civil's own row is as it was: the hub wrote nothing there.
    expect(await civil.rowOf(id)).toEqual(before);
  });

  it('keeps one place per resident however often the button is pressed at once', async () => {
    const id = await addEvent('亲子阅读', 5);
    const headers = await residentHeaders('ext-impatient-1');
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.query(BOOK, { id: String(id) }, headers)));
    expect(answers.filter((a) => a.data?.bookActivity)).toHaveLength(1);
    expect(answers.filter((a) => a.errors?.[0].extensions?.reason === 'ALREADY_BOOKED')).toHaveLength(9);
  });

  it('runs the mini-program’s flow: find a hub nearby, book, list my bookings, cancel and free the place', async () => {
    const id = await addEvent('健康讲座：控盐', 3);
    const me = await residentHeaders('ext-resident-alpha');
    const booked = await t.query(BOOK, { id: String(id) }, me);
    expect(booked.errors).toBeUndefined();
    expect(booked.data.bookActivity).toMatchObject({ status: 'CONFIRMED', activity: { id: String(id), booked: 1, remaining: 2 } });
    const page = await nearby();
    const shown = page.data.nearbyHubs.flatMap((n: any) => n.hub.activities).find((a: any) => a.id === String(id));
    expect(shown).toMatchObject({ booked: 1, remaining: 2 });

    const mine = await t.query(MINE, {}, me);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myBookings).toEqual([{ id: booked.data.bookActivity.id, status: 'CONFIRMED', activity: { id: String(id), title: '健康讲座：控盐', hub: { name: '北山街道民生综合体' } } }]);
    const theirs = await t.query(MINE, {}, await residentHeaders('ext-resident-beta'));
    expect(theirs.data.myBookings).toEqual([]);

    const cancelled = await t.query(CANCEL, { id: booked.data.bookActivity.id }, me);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelBooking).toMatchObject({ status: 'CANCELLED', activity: { booked: 0, remaining: 3 } });
    // Booked again: the same row, confirmed again.
    const again = await t.query(BOOK, { id: String(id) }, me);
    expect(again.data.bookActivity).toMatchObject({ id: booked.data.bookActivity.id, status: 'CONFIRMED', activity: { booked: 1 } });
  });

  it('refuses what civil says is closed: cancelled, started, unknown', async () => {
    const gone = await addEvent('已取消的活动', 10, startsAt, { cancelled: true });
    const started = await addEvent('已开始的活动', 10, new Date(Date.now() - 600_000));
    const me = await residentHeaders('ext-resident-gamma');
    expect((await t.query(BOOK, { id: String(gone) }, me)).errors?.[0].extensions?.reason).toBe('ACTIVITY_CANCELLED');
    expect((await t.query(BOOK, { id: String(started) }, me)).errors?.[0].extensions?.reason).toBe('ACTIVITY_STARTED');
    expect((await t.query(BOOK, { id: '999999' }, me)).errors?.[0].extensions?.reason).toBe('NO_SUCH_ACTIVITY');
  });
});
