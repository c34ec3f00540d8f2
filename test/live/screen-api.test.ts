import { ApiRole } from '../../src/core/auth/api-role';
import { insertInBatches } from '../../src/core/seeding/insert-in-batches';
import { addDays, startOfLocalDay } from '../../src/core/time/local-time';
import { Activity } from '../../src/departments/civil/activities/activity.entity';
import { ActivityStatus } from '../../src/departments/civil/activities/activity-status';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { describeEachDriver } from '../helpers/drivers';
import { statementsOf } from '../helpers/statements-of';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { DISTRICT_OVERVIEW, HUB_METRICS, keyFor, liveOf, newSensor, screenClient, subscribe, writeSomeOfToday } from './live-helpers';

const SECOND = 1000;

describeEachDriver('live metrics for the screens', (driver) => {
  let t: TestHub;
  let screenKey: string;
  const auth = () => ({ authorization: `Bearer ${screenKey}` });
  beforeAll(async () => {
    t = await startTestHub({ driver });
    screenKey = await keyFor(t.hub, ApiRole.SCREEN);
    await writeSomeOfToday(t.hub, [1, 20, 40]);
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('districtOverview adds up the hubs, by street, and matches Hub.live', async () => {
    const { data, errors } = await t.query(
      `{ districtOverview(district: "西湖区") { district hubs occupancy footfallToday activitiesToday mealsToday byStreet { street hubs footfallToday mealsToday } }
         hubs(first: 100) { edges { node { id street live { occupancy crowdLevel footfallToday activitiesToday mealsToday } } } } }`,
      {},
      auth(),
    );
    expect(errors).toBeUndefined();
    const o = data.districtOverview;
    const hubs = data.hubs.edges.map((e: any) => e.node);
    expect(o.district).toBe('西湖区');
    expect(o.hubs).toBe(58);
    expect(o.byStreet).toHaveLength(12);
    const sum = (k: string) => hubs.reduce((n: number, h: any) => n + h.live[k], 0);
    expect(o.footfallToday).toBe(sum('footfallToday'));
    expect(o.mealsToday).toBe(sum('mealsToday'));
    expect(o.activitiesToday).toBe(sum('activitiesToday'));
    expect(o.occupancy).toBe(sum('occupancy'));
    expect(o.footfallToday).toBeGreaterThan(0);
    expect(o.mealsToday).toBeGreaterThan(0);
    expect(o.byStreet.reduce((n: number, s: any) => n + s.footfallToday, 0)).toBe(o.footfallToday);
    expect(o.byStreet.reduce((n: number, s: any) => n + s.hubs, 0)).toBe(58);
  });

  it('districtOverview needs a screen key and a known district', async () => {
    expect((await t.query(`{ districtOverview { hubs } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.query(`{ districtOverview(district: "滨江区") { hubs } }`, {}, auth())).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.query(`{ districtOverview { district hubs } }`, {}, auth())).data.districtOverview).toEqual({ district: '全部', hubs: 58 });
  });

  it('activitiesToday counts the activities starting on the local day, not cancelled, and follows changes', async () => {
    const hubId = 9;
    const civil = t.hub.services.sources.get('civil');
    const now = new Date();
    const dayStart = startOfLocalDay(now);
    const expected = await civil
      .getRepository(Activity)
      .createQueryBuilder('a')
      .where('a.hubId = :hubId AND a.startsAt >= :from AND a.startsAt < :to AND a.status <> :c', { hubId, from: dayStart, to: addDays(dayStart, 1), c: 'CANCELLED' })
      .getCount();
    const live = async () => (await t.query(`{ hub(id: "${hubId}") { live { activitiesToday } } }`)).data.hub.live.activitiesToday;
    expect(await live()).toBe(expected);

    const client = screenClient(t.wsUrl, screenKey);
    const sub = subscribe<any>(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics');
    try {
      await sub.until((m) => m.activitiesToday === expected);
      // Added today (at 23:59:59 local), one tomorrow at 00:00:00 local (not today), then cancelled.
      const repository = civil.getRepository(Activity);
      const base = { hubId, organizationId: null, category: '书法', capacity: 20, booked: 0, status: ActivityStatus.SCHEDULED };
      const late = await repository.save({ ...base, title: '夜间书法', startsAt: new Date(addDays(dayStart, 1).getTime() - SECOND), endsAt: addDays(dayStart, 1), updatedAt: new Date() });
      await repository.save({ ...base, title: '明日书法', startsAt: addDays(dayStart, 1), endsAt: new Date(addDays(dayStart, 1).getTime() + 3_600_000), updatedAt: new Date() });
      await sub.until((m) => m.activitiesToday === expected + 1, 5_000);
      await repository.update(late.id, { status: ActivityStatus.CANCELLED, updatedAt: new Date(Date.now() + 1) });
      await sub.until((m) => m.activitiesToday === expected, 5_000);
      await new Promise((r) => setTimeout(r, 1_200));
      expect(await live()).toBe(expected);
    } finally {
      sub.stop();
      await client.dispose();
    }
  });

  it('a reading at 23:59:59 local belongs to yesterday and one at 00:00:00 to today: live counts today, the series shows both', async () => {
    const hubId = 15;
    const sensorId = await newSensor(t.hub, hubId);
    const today = startOfLocalDay(new Date());
    const before = (await t.query(`{ hub(id: "${hubId}") { live { footfallToday } } }`)).data.hub.live.footfallToday;
    await insertInBatches(t.hub.services.sources.get('iot'), FootfallReading, [
      { sensorId, hubId, at: new Date(today.getTime() - SECOND), entered: 1000, exited: 0 },
      { sensorId, hubId, at: today, entered: 7, exited: 0 },
    ]);
    await liveOf(t.hub).drain();
    const { data, errors } = await t.query(
      `query S($from: DateTime!, $to: DateTime!) { hub(id: "${hubId}") { live { footfallToday }
         day: footfallSeries(from: $from, to: $to, bucket: DAY) { at entered }
         five: footfallSeries(from: $from, to: $to, bucket: FIVE_MINUTES) { at entered } } }`,
      { from: addDays(today, -1).toISOString(), to: addDays(today, 1).toISOString() },
      auth(),
    );
    expect(errors).toBeUndefined();
    expect(data.hub.live.footfallToday).toBe(before + 7);
    const [yesterday, todayPoint] = data.hub.day;
    expect(data.hub.day).toHaveLength(2);
    expect(yesterday.at).toBe(addDays(today, -1).toISOString());
    expect(todayPoint.at).toBe(today.toISOString());
    expect(todayPoint.entered).toBe(before + 7);
    expect(yesterday.entered).toBeGreaterThanOrEqual(1000);
    expect(data.hub.five).toHaveLength(2 * 288);
    const lastOfYesterday = data.hub.five[287];
    expect(lastOfYesterday.at).toBe(new Date(today.getTime() - 5 * 60 * SECOND).toISOString());
    expect(lastOfYesterday.entered).toBeGreaterThanOrEqual(1000);
    expect(data.hub.five[288].entered).toBeGreaterThanOrEqual(7);
  });

  it('footfallSeries by HOUR sums the 5-minute rollups, and is for screens', async () => {
    const from = startOfLocalDay(new Date());
    const to = addDays(from, 1);
    const query = `query S($from: DateTime!, $to: DateTime!, $b: TimeBucket!) { hub(id: "2") { footfallSeries(from: $from, to: $to, bucket: $b) { at entered exited meals } } }`;
    const hours = (await t.query(query, { from, to, b: 'HOUR' }, auth())).data.hub.footfallSeries;
    const fives = (await t.query(query, { from, to, b: 'FIVE_MINUTES' }, auth())).data.hub.footfallSeries;
    expect(hours).toHaveLength(24);
    expect(hours.reduce((n: number, p: any) => n + p.entered, 0)).toBe(fives.reduce((n: number, p: any) => n + p.entered, 0));
    expect(hours[10].entered).toBe(fives.slice(120, 132).reduce((n: number, p: any) => n + p.entered, 0));
    expect((await t.query(query, { from, to, b: 'HOUR' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.query(query, { from: to, to: from, b: 'HOUR' }, auth())).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.query(query, { from: addDays(from, -30), to, b: 'FIVE_MINUTES' }, auth())).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('metricSeries gives any declared metric kept in rollups, the same as footfallSeries for footfall, and refuses an unknown one naming the known', async () => {
    const from = startOfLocalDay(new Date());
    const range = { from: from.toISOString(), to: addDays(from, 1).toISOString() };
    const query = `query S($m: String!, $from: DateTime!, $to: DateTime!) { hub(id: "2") { metricSeries(metric: $m, from: $from, to: $to, bucket: HOUR) { at value } footfallSeries(from: $from, to: $to, bucket: HOUR) { at entered meals } } }`;
    const footfall = (await t.query(query, { m: 'footfall', ...range }, auth())).data.hub;
    expect(footfall.metricSeries).toEqual(footfall.footfallSeries.map((p: any) => ({ at: p.at, value: p.entered })));
    const meals = (await t.query(query, { m: 'meals', ...range }, auth())).data.hub;
    expect(meals.metricSeries.map((p: any) => p.value)).toEqual(meals.footfallSeries.map((p: any) => p.meals));
    const unknown = await t.query(query, { m: 'visitors', ...range }, auth());
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toMatch(/^metric: "visitors" has no series; known: .*footfall.*meals/);
    const district = await t.query(`query D($from: DateTime!, $to: DateTime!) { districtMetricSeries(metric: "footfall", from: $from, to: $to, bucket: HOUR) { at value } districtFootfallSeries(from: $from, to: $to, bucket: HOUR) { at entered } }`, range, auth());
    expect(district.data.districtMetricSeries).toEqual(district.data.districtFootfallSeries.map((p: any) => ({ at: p.at, value: p.entered })));
  });

  it('footfallSeries of a page of hubs costs the same statements for 5 hubs as for 50, each hub its own series', async () => {
    const from = startOfLocalDay(new Date());
    const query = `query S($first: Int, $from: DateTime!, $to: DateTime!) { hubs(first: $first) { edges { node { id footfallSeries(from: $from, to: $to, bucket: HOUR) { entered } } } } }`;
    const range = { from: from.toISOString(), to: addDays(from, 1).toISOString() };
    const five = await statementsOf(t.url, query, { first: 5, ...range }, auth());
    const fifty = await statementsOf(t.url, query, { first: 50, ...range }, auth());
    expect(five.counts.hub).toBe(1);
    // The series are the hub source's statements; civil's hub index may be read again between
    // the two requests (it is FEED_POLL_MS old at most), which is no cost of the series.
    expect(fifty.counts.hub).toBe(five.counts.hub);
    // The batch gives each hub its own: the same as asking for one hub alone.
    const alone = (await t.query(`query S($from: DateTime!, $to: DateTime!) { hub(id: "7") { footfallSeries(from: $from, to: $to, bucket: HOUR) { entered } } }`, range, auth())).data.hub.footfallSeries;
    expect(fifty.data.hubs.edges.find((e: any) => e.node.id === '7').node.footfallSeries).toEqual(alone);
    expect(new Set(fifty.data.hubs.edges.map((e: any) => JSON.stringify(e.node.footfallSeries))).size).toBeGreaterThan(1);
  });

  it('subscriptions are for SCREEN keys; a district subscription gets its totals', async () => {
    const anonymous = screenClient(t.wsUrl);
    const iotKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    const department = screenClient(t.wsUrl, iotKey);
    const screen = screenClient(t.wsUrl, screenKey);
    try {
      const a = subscribe(anonymous, HUB_METRICS, {}, 'hubMetrics');
      const d = subscribe(department, HUB_METRICS, {}, 'hubMetrics');
      await expect(a.until(() => true, 3_000)).rejects.toThrow(/UNAUTHENTICATED/);
      await expect(d.until(() => true, 3_000)).rejects.toThrow(/FORBIDDEN/);
      const unknown = subscribe(screen, HUB_METRICS, { hubIds: ['99999'] }, 'hubMetrics');
      await expect(unknown.until(() => true, 3_000)).rejects.toThrow(/NOT_FOUND/);

      const all = subscribe<any>(screen, HUB_METRICS, { hubIds: null }, 'hubMetrics');
      await all.until(() => all.messages.length >= 58);
      expect(new Set(all.messages.map((m) => m.hubId)).size).toBe(58);
      const district = subscribe<any>(screen, DISTRICT_OVERVIEW, { district: '西湖区' }, 'districtOverview');
      const o = await district.until(() => true);
      expect(o.hubs).toBe(58);
      expect(o.footfallToday).toBe(all.messages.reduce((n, m) => n + m.footfallToday, 0));
      all.stop();
      district.stop();
    } finally {
      await Promise.all([anonymous.dispose(), department.dispose(), screen.dispose()]);
    }
  });

  it('departments: each is UP, with the lag of its feeds', async () => {
    const { data, errors } = await t.query(`{ departments { name title status feedLagSeconds feeds { name lagSeconds } } }`, {}, auth());
    expect(errors).toBeUndefined();
    const byName = Object.fromEntries(data.departments.map((d: any) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(['civil', 'health', 'iot', 'urban']);
    expect(byName.iot).toMatchObject({ title: '城运中心', status: 'UP' });
    expect(byName.iot.feeds.map((f: any) => f.name)).toEqual(['iot.footfall_reading']);
    expect(byName.iot.feedLagSeconds).toBeLessThan(5);
    expect(byName.health.feeds.map((f: any) => f.name)).toEqual(['health.canteen_meal']);
  });
});
