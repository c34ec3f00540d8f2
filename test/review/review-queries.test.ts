import { ApiRole } from '../../src/core/auth/api-role';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor } from '../live/live-helpers';
import { statementsOf } from '../helpers/statements-of';
import { midnight, seedReviewFixture } from './review-fixture';

const RANKING = /* GraphQL */ `
  query($by: RankBy, $metric: String, $from: DateTime!, $to: DateTime!, $street: String, $first: Int) {
    hubRanking(by: $by, metric: $metric, from: $from, to: $to, street: $street, first: $first) {
      rank value exactValue previousValue change changeShare districtRank streetRank hub { id }
    }
  }
`;
const COLD = /* GraphQL */ `
  query($from: DateTime!, $to: DateTime!, $threshold: Float, $basis: ColdBasis, $street: String) {
    coldHubs(from: $from, to: $to, threshold: $threshold, basis: $basis, street: $street) {
      hub { id } footfall footfallPerCapacity footfallPerUnit shareOfMedian districtMedian basis rule
      facilities { facility { id name } footfall activitiesHeld placesOffered booked fillRate }
    }
  }
`;
const STATS = /* GraphQL */ `
  query($from: DateTime!, $to: DateTime!, $groupBy: ActivityGroup!, $street: String) {
    activityStats(from: $from, to: $to, groupBy: $groupBy, street: $street) { key name held cancelled placesOffered booked fillRate }
  }
`;

const OCTOBER = { from: midnight('2026-10-01'), to: midnight('2026-11-01') };
type Row = { hub: { id: string }; [field: string]: unknown };
const byHub = (rows: Row[]) => Object.fromEntries(rows.map(({ hub, ...rest }) => [hub.id, rest]));

describeEachDriver('the review on a small fixed data set, against values computed by hand', (driver) => {
  let t: TestHub;
  let headers: Record<string, string>;
  const query = (q: string, variables: Record<string, unknown>) => t.query(q, variables, headers);

  beforeAll(async () => {
    t = await startTestHub({ driver, seed: false });
    await seedReviewFixture(t.hub);
    headers = { authorization: `Bearer ${await keyFor(t.hub, ApiRole.SCREEN)}` };
  });
  afterAll(() => t?.close());

  it('ranks by footfall over October against September, within the district and the street', async () => {
    const { data, errors } = await query(RANKING, { by: 'FOOTFALL', ...OCTOBER });
    expect(errors).toBeUndefined();
    // Oct: H1 1000, H4 500, H5 500, H3 300, H2 200; Sep: 800, 1000, 250, 0, 600.
    expect(data.hubRanking.map((r: Row) => r.hub.id)).toEqual(['1', '4', '5', '3', '2']);
    expect(byHub(data.hubRanking)).toEqual({
      1: { rank: 1, value: 1000, exactValue: 1000, previousValue: 800, change: 200, changeShare: 0.25, districtRank: 1, streetRank: 1 },
      4: { rank: 2, value: 500, exactValue: 500, previousValue: 1000, change: -500, changeShare: -0.5, districtRank: 1, streetRank: 1 },
      5: { rank: 2, value: 500, exactValue: 500, previousValue: 250, change: 250, changeShare: 1, districtRank: 1, streetRank: 1 },
      3: { rank: 4, value: 300, exactValue: 300, previousValue: 0, change: 300, changeShare: null, districtRank: 2, streetRank: 1 },
      2: { rank: 5, value: 200, exactValue: 200, previousValue: 600, change: -400, changeShare: expect.closeTo(-2 / 3, 12), districtRank: 3, streetRank: 2 },
    });
  });

  it('ranks within a street, keeping the district and street ranks, the first N', async () => {
    const { data } = await query(RANKING, { by: 'FOOTFALL', ...OCTOBER, street: '北山街道', first: 1 });
    expect(data.hubRanking).toEqual([expect.objectContaining({ hub: { id: '1' }, rank: 1, districtRank: 1, streetRank: 1 })]);
    const both = await query(RANKING, { by: 'FOOTFALL', ...OCTOBER, street: '北山街道' });
    expect(both.data.hubRanking.map((r: any) => [r.hub.id, r.rank, r.districtRank])).toEqual([['1', 1, 1], ['2', 2, 3]]);
  });

  it('compares a period that is not whole months with the days just before it', async () => {
    // [Oct 10, Oct 20): H1 900 (Oct 15); before, [Sep 30, Oct 10): 100 (Oct 5).
    const { data } = await query(RANKING, { metric: 'footfall', from: midnight('2026-10-10'), to: midnight('2026-10-20'), street: '北山街道' });
    expect(byHub(data.hubRanking)[1]).toMatchObject({ exactValue: 900, previousValue: 100, change: 800, changeShare: 8 });
  });

  it('ranks by activities held and by places booked, cancelled ones left out', async () => {
    // Oct held: H2 3 (one of its four cancelled), H1 2, H3 1; Sep: H1 1.
    const held = await query(RANKING, { by: 'ACTIVITIES', ...OCTOBER });
    expect(byHub(held.data.hubRanking)).toMatchObject({
      2: { rank: 1, exactValue: 3, previousValue: 0, changeShare: null },
      1: { rank: 2, exactValue: 2, previousValue: 1, change: 1, changeShare: 1 },
      3: { rank: 3, exactValue: 1 },
      4: { rank: 4, exactValue: 0 },
      5: { rank: 4, exactValue: 0, districtRank: 1 },
    });
    // Booked: H1 30 + 10, H2 5 + 8 + 10, H3 3; Sep H1 10.
    const booked = await query(RANKING, { by: 'BOOKINGS', ...OCTOBER });
    expect(byHub(booked.data.hubRanking)).toMatchObject({ 1: { rank: 1, exactValue: 40, previousValue: 10, changeShare: 3 }, 2: { rank: 2, exactValue: 23 }, 3: { rank: 3, exactValue: 3 } });
    const named = await query(RANKING, { metric: 'activities', ...OCTOBER });
    expect(named.data.hubRanking).toEqual(held.data.hubRanking);
  });

  it('ranks by any declared metric: meals (a counter’s total) and free bike spaces (a gauge’s mean)', async () => {
    const meals = await query(RANKING, { by: 'MEALS', ...OCTOBER, first: 2 });
    expect(meals.data.hubRanking.map((r: any) => [r.hub.id, r.exactValue])).toEqual([['1', 3], ['3', 1]]);
    const bikes = await query(RANKING, { metric: 'bikeSpacesFree', ...OCTOBER, first: 2 });
    expect(bikes.data.hubRanking.map((r: any) => [r.hub.id, r.exactValue, r.value])).toEqual([['1', 15, 15], ['2', 5, 5]]);
  });

  it('names the cold hubs by the rule it gives, per place or per m², against the district’s median', async () => {
    // Per place in 西湖区: H1 10, H2 1, H3 3 → median 3, H2 at 1/3. 上城区: H4 5, H5 10 → median 7.5, H4 at 2/3.
    const { data, errors } = await query(COLD, { ...OCTOBER });
    expect(errors).toBeUndefined();
    expect(data.coldHubs).toHaveLength(1);
    const [h2] = data.coldHubs;
    expect(h2).toMatchObject({ hub: { id: '2' }, footfall: 200, footfallPerCapacity: 1, footfallPerUnit: 1, districtMedian: 3, basis: 'CAPACITY', rule: '每容量位客流低于西湖区中位数的 50%' });
    expect(h2.shareOfMedian).toBeCloseTo(1 / 3, 12);
    // Least used first: the gym (nothing offered, no sensor), the elders' club (5 of 20), the library (8 of 10; 50 in through its door).
    expect(h2.facilities).toEqual([
      { facility: { id: '23', name: '百姓健身房' }, footfall: null, activitiesHeld: 0, placesOffered: 0, booked: 0, fillRate: null },
      { facility: { id: '22', name: '长者俱乐部' }, footfall: null, activitiesHeld: 1, placesOffered: 20, booked: 5, fillRate: 0.25 },
      { facility: { id: '21', name: '城市书房' }, footfall: 50, activitiesHeld: 1, placesOffered: 10, booked: 8, fillRate: 0.8 },
    ]);

    const wider = await query(COLD, { ...OCTOBER, threshold: 0.7 });
    expect(wider.data.coldHubs.map((c: any) => [c.hub.id, c.shareOfMedian])).toEqual([['2', expect.closeTo(1 / 3, 12)], ['4', expect.closeTo(2 / 3, 12)]]);
    expect(wider.data.coldHubs[1].rule).toBe('每容量位客流低于上城区中位数的 70%');
    const street = await query(COLD, { ...OCTOBER, threshold: 0.7, street: '湖滨街道' });
    expect(street.data.coldHubs.map((c: any) => c.hub.id)).toEqual(['4']);

    // Per m²: H1 1, H2 0.2, H3 0.6 → median 0.6, H2 at 1/3; 上城区 both 1.25: none.
    const area = await query(COLD, { ...OCTOBER, basis: 'FLOOR_AREA' });
    expect(area.data.coldHubs.map((c: any) => [c.hub.id, c.footfallPerUnit, c.districtMedian, c.rule])).toEqual([['2', 0.2, 0.6, '每平方米客流低于西湖区中位数的 50%']]);
  });

  it('counts activities held, cancelled, places offered, booked and fill rate per group', async () => {
    const organizations = await query(STATS, { ...OCTOBER, groupBy: 'ORGANIZATION' });
    expect(organizations.errors).toBeUndefined();
    // O2: 20/10 + 30/3 + 10/8 held, one cancelled → 21 of 60; O1: 40/30 + 20/5 → 35 of 60; none: 10 of 10.
    expect(organizations.data.activityStats).toEqual([
      { key: '2', name: '邻里健康服务社', held: 3, cancelled: 1, placesOffered: 60, booked: 21, fillRate: 0.35 },
      { key: '1', name: '文泽社会组织服务中心', held: 2, cancelled: 0, placesOffered: 60, booked: 35, fillRate: expect.closeTo(35 / 60, 12) },
      { key: '', name: '未指定组织', held: 1, cancelled: 0, placesOffered: 10, booked: 10, fillRate: 1 },
    ]);
    const categories = await query(STATS, { ...OCTOBER, groupBy: 'CATEGORY' });
    expect(categories.data.activityStats.map((s: any) => [s.key, s.held, s.cancelled, s.placesOffered, s.booked])).toEqual([
      ['数字助老', 1, 0, 20, 5],
      ['健康讲座', 2, 0, 50, 13],
      ['书法', 1, 0, 40, 30],
      ['亲子', 1, 1, 10, 8],
      ['文化', 1, 0, 10, 10],
    ]);
    const streets = await query(STATS, { ...OCTOBER, groupBy: 'STREET' });
    expect(streets.data.activityStats).toEqual([
      { key: '西溪街道', name: '西溪街道', held: 1, cancelled: 0, placesOffered: 30, booked: 3, fillRate: 0.1 },
      { key: '北山街道', name: '北山街道', held: 5, cancelled: 1, placesOffered: 100, booked: 63, fillRate: 0.63 },
    ]);
    const facilities = await query(STATS, { ...OCTOBER, groupBy: 'FACILITY', street: '北山街道' });
    expect(facilities.data.activityStats.map((s: any) => [s.key, s.name, s.held, s.booked, s.placesOffered])).toEqual([
      ['22', '北山二号综合体 · 长者俱乐部', 1, 5, 20],
      ['', '未指定场所', 3, 50, 70],
      ['21', '北山二号综合体 · 城市书房', 1, 8, 10],
    ]);
    const hubs = await query(STATS, { ...OCTOBER, groupBy: 'HUB' });
    expect(hubs.data.activityStats.map((s: any) => [s.key, s.name, s.fillRate])).toEqual([['3', '西溪综合体', 0.1], ['2', '北山二号综合体', 0.575], ['1', '北山一号综合体', expect.closeTo(40 / 60, 12)]]);
  });

  it('costs the same statements whatever the period, the street or the number of cold hubs', async () => {
    const cost = async (q: string, variables: Record<string, unknown>) => (await statementsOf(t.url, q, variables, headers)).counts;
    const month = await cost(RANKING, { by: 'FOOTFALL', ...OCTOBER });
    expect(month).toEqual({ civil: 1, hub: 2 });
    expect(await cost(RANKING, { by: 'FOOTFALL', from: midnight('2024-10-01'), to: midnight('2026-11-01'), street: '北山街道', first: 1 })).toEqual(month);
    expect(await cost(RANKING, { by: 'ACTIVITIES', ...OCTOBER })).toEqual({ civil: 3 });
    const oneCold = await cost(COLD, { ...OCTOBER });
    expect(await cost(COLD, { ...OCTOBER, threshold: 0.7 })).toEqual(oneCold);
    expect(oneCold).toEqual({ civil: 3, hub: 2, iot: 2 });
    expect(await cost(STATS, { ...OCTOBER, groupBy: 'FACILITY' })).toEqual({ civil: 3 });
  });

  it('refuses periods that are not Asia/Shanghai midnights, both or neither of by and metric, undeclared metrics, and callers without a screen key', async () => {
    const notMidnight = await query(RANKING, { by: 'FOOTFALL', from: '2026-10-01T00:00:00Z', to: OCTOBER.to });
    expect(notMidnight.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
    expect(notMidnight.errors?.[0].message).toContain('Asia/Shanghai');
    const toNotMidnight = await query(STATS, { groupBy: 'HUB', from: OCTOBER.from, to: '2026-10-31T12:00:00+08:00' });
    expect(toNotMidnight.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'to' } });
    const both = await query(RANKING, { by: 'FOOTFALL', metric: 'meals', ...OCTOBER });
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const neither = await query(RANKING, { ...OCTOBER });
    expect(neither.errors?.[0].message).toMatch(/exactly one of by and metric/);
    const unknown = await query(RANKING, { metric: 'rainfall', ...OCTOBER });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'metric' } });
    expect(unknown.errors?.[0].message).toContain('footfall');
    const derived = await query(RANKING, { metric: 'occupancy', ...OCTOBER });
    expect(derived.errors?.[0].message).toMatch(/no total over a period/);
    const anonymous = await t.query(STATS, { ...OCTOBER, groupBy: 'HUB' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const admin = await t.query(COLD, OCTOBER, { authorization: `Bearer ${await keyFor(t.hub, ApiRole.ADMIN)}` });
    expect(admin.errors).toBeUndefined();
    const department = await t.query(COLD, OCTOBER, { authorization: `Bearer ${await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' })}` });
    expect(department.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
