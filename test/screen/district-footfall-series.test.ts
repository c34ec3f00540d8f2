import { ApiRole } from '../../src/core/auth/api-role';
import { addDays, startOfLocalDay } from '../../src/core/time/local-time';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor, liveOf } from '../live/live-helpers';

const DISTRICT_SERIES = /* GraphQL */ `
  query Series($district: String, $street: String, $from: DateTime!, $to: DateTime!, $bucket: TimeBucket!) {
    districtFootfallSeries(district: $district, street: $street, from: $from, to: $to, bucket: $bucket) { at entered exited meals }
  }
`;
const HUB_SERIES = /* GraphQL */ `
  query HubSeries($from: DateTime!, $to: DateTime!, $bucket: TimeBucket!) {
    hubs(first: 100) { edges { node { footfallSeries(from: $from, to: $to, bucket: $bucket) { at entered exited meals } } } }
  }
`;

type Point = { at: string; entered: number; exited: number; meals: number };

describeEachDriver('districtFootfallSeries: the wall screens’ district curve', (driver) => {
  let t: TestHub;
  let auth: Record<string, string>;
  const today = startOfLocalDay(new Date());
  const window = { from: addDays(today, -1).toISOString(), to: addDays(today, 1).toISOString() };

  beforeAll(async () => {
    t = await startTestHub({ driver });
    auth = { authorization: `Bearer ${await keyFor(t.hub, ApiRole.SCREEN)}` };
    await liveOf(t.hub).drain();
  }, 120_000);
  afterAll(() => t?.close());

  it.each(['HOUR', 'DAY', 'FIVE_MINUTES'])('is the sum of every hub’s own series (%s), in one statement', async (bucket) => {
    const range = bucket === 'FIVE_MINUTES' ? { from: addDays(today, -1).toISOString(), to: today.toISOString() } : window;
    const district = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: DISTRICT_SERIES, variables: { ...range, bucket } }),
    });
    expect(district.headers.get('x-sql-statements')).toBe('hub=1');
    const { data } = (await district.json()) as { data: { districtFootfallSeries: Point[] } };
    const perHub = await t.query(HUB_SERIES, { ...range, bucket }, auth);
    expect(perHub.errors).toBeUndefined();
    const sum = new Map<string, Point>();
    for (const { node } of perHub.data.hubs.edges as { node: { footfallSeries: Point[] } }[]) {
      for (const p of node.footfallSeries) {
        const s = sum.get(p.at) ?? { at: p.at, entered: 0, exited: 0, meals: 0 };
        sum.set(p.at, { at: p.at, entered: s.entered + p.entered, exited: s.exited + p.exited, meals: s.meals + p.meals });
      }
    }
    expect(data.districtFootfallSeries).toEqual([...sum.values()]);
    // The seeded district had visitors yesterday: the curve is not a line of zeros.
    expect(data.districtFootfallSeries.some((p) => p.entered > 0)).toBe(true);
  });

  it('gives the same for the district by name as for every hub, and refuses an unknown one', async () => {
    const all = await t.query(DISTRICT_SERIES, { ...window, bucket: 'HOUR' }, auth);
    const xihu = await t.query(DISTRICT_SERIES, { ...window, district: '西湖区', bucket: 'HOUR' }, auth);
    expect(xihu.data).toEqual(all.data);
    expect(all.data.districtFootfallSeries).toHaveLength(48);
    const unknown = await t.query(DISTRICT_SERIES, { ...window, district: '东湖区', bucket: 'HOUR' }, auth);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('gives one street’s hubs with street, and the ranking of a district with hubRanking(district)', async () => {
    const range = { ...window, bucket: 'DAY' };
    const street = await t.query(DISTRICT_SERIES, { ...range, street: '三墩镇' }, auth);
    expect(street.errors).toBeUndefined();
    const { data } = await t.query('{ hubs(first: 100, filter: { street: "三墩镇" }) { edges { node { id } } } }');
    const ids = data.hubs.edges.map((e: { node: { id: string } }) => e.node.id);
    const perHub = await t.query(`{ ${ids.map((id: string) => `h${id}: hub(id: "${id}") { footfallSeries(from: "${window.from}", to: "${window.to}", bucket: DAY) { entered } }`).join(' ')} }`, {}, auth);
    const summed = [0, 1].map((day) => Object.values(perHub.data as Record<string, { footfallSeries: { entered: number }[] }>).reduce((n, h) => n + h.footfallSeries[day].entered, 0));
    expect(street.data.districtFootfallSeries.map((p: Point) => p.entered)).toEqual(summed);
    expect(summed[0]).toBeGreaterThan(0);
    const unknown = await t.query(DISTRICT_SERIES, { ...range, street: '东湖街道' }, auth);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const ranking = await t.query('query R($from: DateTime!, $to: DateTime!) { xihu: hubRanking(by: FOOTFALL, from: $from, to: $to, district: "西湖区", first: 100) { hub { district } } none: hubRanking(by: FOOTFALL, from: $from, to: $to, district: "东湖区") { rank } }', window, auth);
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data.xihu).toHaveLength(58);
    expect(ranking.data.none).toEqual([]);
  });

  it('is for screens, and checks its range', async () => {
    const anonymous = await t.query(DISTRICT_SERIES, { ...window, bucket: 'HOUR' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const backwards = await t.query(DISTRICT_SERIES, { from: window.to, to: window.from, bucket: 'HOUR' }, auth);
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await t.query(DISTRICT_SERIES, { from: addDays(today, -30).toISOString(), to: window.to, bucket: 'FIVE_MINUTES' }, auth);
    expect(tooLong.errors?.[0].message).toMatch(/at most 2000 points/);
  });
});
