import { HUB_SOURCE } from '../../src/config';
import { ActivityPlace } from '../../src/departments/civil/bookings/activity-place.entity';
import { BookingStatus } from '../../src/departments/civil/bookings/booking-status';
import { Booking } from '../../src/departments/civil/bookings/booking.entity';
import { availableDrivers } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { RESIDENT_JWT_SECRET, residentHeaders } from '../query/support/resident-tokens';
import { createDepartmentDatabase, type DepartmentDatabase } from './department-database';
import { recipe } from './doc-recipes';

// A read-only account is a MariaDB thing: this suite needs the server.
const onMysql = availableDrivers().includes('mysql') ? describe : describe.skip;

const HOURS_8 = 8 * 3600_000;
const localText = (at: Date) => new Date(at.getTime() + HOURS_8).toISOString().slice(0, 19).replace('T', ' ');

const NEARBY = /* GraphQL */ `
  query Nearby { nearbyHubs(near: { lat: 30.2655, lng: 120.1336 }, radiusMeters: 2000) { distanceMeters hub { id name activities(first: 10) { id title startsAt capacity booked remaining } } } }
`;
const BOOK = /* GraphQL */ `mutation($id: ID!) { bookActivity(activityId: $id) { id status activity { id booked remaining } } }`;
const CANCEL = /* GraphQL */ `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status activity { id booked remaining } } }`;
const MINE = /* GraphQL */ `{ myBookings { id status activity { id title hub { name } } } }`;

onMysql('civil external (the department’s own database, a SELECT-only account): bookings kept by the hub, on MariaDB', () => {
  let civil: DepartmentDatabase;
  let t: TestHub;
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  /** 09:00 tomorrow as the civil system writes it (Shanghai wall time), and the instant it means. */
  const startsLocal = `${localText(tomorrow).slice(0, 10)} 09:00:00`;
  const startsAt = new Date(`${startsLocal.replace(' ', 'T')}+08:00`);

  async function addEvent(title: string, quota: number, begin = startsLocal, state = 1): Promise<number> {
    const [result] = await civil.dba.query(
      `INSERT INTO t_event (site_id, org_id, event_title, event_category, begin_time, end_time, quota, state)
       VALUES (1, NULL, ?, '健康讲座', ?, ? + INTERVAL 1 HOUR, ?, ?)`,
      [title, begin, begin, quota, state],
    );
    return (result as { insertId: number }).insertId;
  }

  beforeAll(async () => {
    civil = await createDepartmentDatabase('civil', [...recipe('vendor tables: civil'), ...recipe('views: civil')]);
    await civil.dba.query(
      `INSERT INTO t_site (site_code, site_name, site_type, district_name, street_name, addr, wgs_lat, wgs_lng, max_people, area_m2) VALUES
       ('XH-BS-01', '北山街道民生综合体', 1, '西湖区', '北山街道', '西湖区北山街道保俶路 1 号', 30.2655, 120.1336, 400, 3200.50),
       ('XH-XX-02', '西溪街道民生综合体', 2, '西湖区', '西溪街道', '西湖区西溪街道文二路 2 号', 30.2790, 120.1410, NULL, NULL)`,
    );
    await civil.dba.query("INSERT INTO t_site_room (site_id, room_type, room_name, floor_no) VALUES (1, 'LIBRARY', '城市书房', 1), (1, 'CANTEEN', '幸福餐厅', NULL)");
    t = await startTestHub({
      driver: 'mysql',
      env: { CIVIL_DB_URL: civil.readOnlyUrl, CIVIL_DB_EXTERNAL: 'true', CIVIL_DB_TIMEZONE: '+08:00', RESIDENT_JWT_SECRET },
    });
  });
  afterAll(async () => {
    await t?.close();
    await civil?.drop();
  });

  it('serves civil from the views, times read at +08:00, and creates nothing in civil', async () => {
    const id = await addEvent('太极拳晨练', 20);
    const { data, errors } = await t.query(NEARBY);
    expect(errors).toBeUndefined();
    const bs = data.nearbyHubs.find((n: any) => n.hub.name === '北山街道民生综合体');
    expect(bs.hub.activities).toContainEqual({ id: String(id), title: '太极拳晨练', startsAt: startsAt.toISOString(), capacity: 20, booked: 0, remaining: 20 });
    const [tables] = await civil.dba.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 't\\_%' ORDER BY 1");
    expect((tables as { name: string }[]).map((r) => r.name)).toEqual(['activity', 'facility', 'hub', 'hub_organization', 'social_organization']);
  });

  it('lets 200 residents race for 20 places: exactly 20 confirmed, 180 told it is full, counted in the hub’s source', async () => {
    const id = await addEvent('书法体验课', 20);
    const [[before]] = (await civil.dba.query('SELECT quota, modify_time FROM t_event WHERE event_id = ?', [id])) as unknown as [[{ quota: number; modify_time: string }]];
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
    const [[after]] = (await civil.dba.query('SELECT quota, modify_time FROM t_event WHERE event_id = ?', [id])) as unknown as [[{ quota: number; modify_time: string }]];
    expect(after).toEqual(before);
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
    const nearby = await t.query(NEARBY);
    const shown = nearby.data.nearbyHubs.flatMap((n: any) => n.hub.activities).find((a: any) => a.id === String(id));
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
    const gone = await addEvent('已取消的活动', 10, startsLocal, 9);
    const started = await addEvent('已开始的活动', 10, localText(new Date(Date.now() - 600_000)));
    const me = await residentHeaders('ext-resident-gamma');
    expect((await t.query(BOOK, { id: String(gone) }, me)).errors?.[0].extensions?.reason).toBe('ACTIVITY_CANCELLED');
    expect((await t.query(BOOK, { id: String(started) }, me)).errors?.[0].extensions?.reason).toBe('ACTIVITY_STARTED');
    expect((await t.query(BOOK, { id: '999999' }, me)).errors?.[0].extensions?.reason).toBe('NO_SUCH_ACTIVITY');
  });
});
