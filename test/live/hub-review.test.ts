import { ApiRole } from '../../src/core/auth/api-role';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor, liveOf } from './live-helpers';

import { addDays, startOfLocalDay } from '../../src/core/time/local-time';

const RANKING = /* GraphQL */ `
  query($by: RankBy!, $from: DateTime!, $to: DateTime!, $street: String, $first: Int) {
    hubRanking(by: $by, from: $from, to: $to, street: $street, first: $first) { rank value hub { id name street } }
  }
`;
const COLD = /* GraphQL */ `
  query($from: DateTime!, $to: DateTime!, $threshold: Float) {
    coldHubs(from: $from, to: $to, threshold: $threshold) { footfall footfallPerCapacity shareOfMedian hub { id capacity } }
  }
`;

describeEachDriver('the performance review: hubRanking and coldHubs', (driver) => {
  let t: TestHub;
  let headers: Record<string, string>;
  // The seeded days of footfall (yesterday and today), between Asia/Shanghai midnights as a review's period is.
  const from = startOfLocalDay(addDays(new Date(), -1));
  const to = addDays(from, 2);
  const period = { from: from.toISOString(), to: to.toISOString() };

  /** What the departments' own databases say, per hub, over the period. */
  async function truth(sql: string, source: 'iot' | 'health'): Promise<Map<number, number>> {
    const db = t.hub.services.sources.get(source);
    // The driver writes the dates as each database stores them.
    const [query, parameters] = db.driver.escapeQueryWithParameters(sql, { from, to });
    const rows = await db.query(query, parameters);
    return new Map(rows.map((r: { hub_id: number; n: number | string }) => [Number(r.hub_id), Number(r.n)]));
  }

  beforeAll(async () => {
    t = await startTestHub({ driver });
    headers = { authorization: `Bearer ${await keyFor(t.hub, ApiRole.SCREEN)}` };
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('ranks every hub by its footfall as the door counters recorded it, ties sharing a rank', async () => {
    const entered = await truth('SELECT hub_id, SUM(entered) AS n FROM footfall_reading WHERE at >= :from AND at < :to GROUP BY hub_id', 'iot');
    const { data, errors } = await t.query(RANKING, { by: 'FOOTFALL', ...period, first: 100 }, headers);
    expect(errors).toBeUndefined();
    const ranking = data.hubRanking;
    expect(ranking).toHaveLength(58);
    for (const row of ranking) expect(row.value).toBe(entered.get(Number(row.hub.id)) ?? 0);
    for (let i = 1; i < ranking.length; i++) {
      expect(ranking[i].value).toBeLessThanOrEqual(ranking[i - 1].value);
      expect(ranking[i].rank).toBe(ranking[i].value === ranking[i - 1].value ? ranking[i - 1].rank : i + 1);
    }
    expect(ranking[0].rank).toBe(1);
  });

  it('ranks by meals, within one street, the first N', async () => {
    const meals = await truth('SELECT hub_id, COUNT(*) AS n FROM canteen_meal WHERE served_at >= :from AND served_at < :to GROUP BY hub_id', 'health');
    const { data } = await t.query(RANKING, { by: 'MEALS', ...period, street: '翠苑街道', first: 3 }, headers);
    expect(data.hubRanking).toHaveLength(3);
    expect(data.hubRanking.every((r: any) => r.hub.street === '翠苑街道')).toBe(true);
    for (const row of data.hubRanking) expect(row.value).toBe(meals.get(Number(row.hub.id)) ?? 0);
    expect(data.hubRanking[0].hub.name).toBe('翠苑一区社区民生综合体');
  });

  it('names the hubs whose footfall per place is below the share of the median hub’s, least first', async () => {
    const entered = await truth('SELECT hub_id, SUM(entered) AS n FROM footfall_reading WHERE at >= :from AND at < :to GROUP BY hub_id', 'iot');
    const { data: all } = await t.query(`{ hubs(first: 100) { edges { node { id capacity } } } }`);
    const perPlace = all.hubs.edges.map((e: any) => (entered.get(Number(e.node.id)) ?? 0) / e.node.capacity).sort((a: number, b: number) => a - b);
    const median = (perPlace[28] + perPlace[29]) / 2;

    const { data, errors } = await t.query(COLD, { ...period, threshold: 0.9 }, headers);
    expect(errors).toBeUndefined();
    const expected = perPlace.filter((p: number) => p < 0.9 * median);
    expect(data.coldHubs.map((c: any) => c.footfallPerCapacity)).toEqual(expected.map((p: number) => expect.closeTo(p, 9)));
    for (const cold of data.coldHubs) {
      expect(cold.footfall).toBe(entered.get(Number(cold.hub.id)) ?? 0);
      expect(cold.shareOfMedian).toBeCloseTo(cold.footfallPerCapacity / median, 9);
      expect(cold.shareOfMedian).toBeLessThan(0.9);
    }
  });

  it('calls no hub cold in a period with no footfall at all', async () => {
    const { data } = await t.query(COLD, { from: '2020-01-01T00:00:00+08:00', to: '2020-01-02T00:00:00+08:00' }, headers);
    expect(data.coldHubs).toEqual([]);
  });

  it('refuses a period that ends before it starts or lasts over ten years, and callers without a screen key', async () => {
    const backwards = await t.query(RANKING, { by: 'FOOTFALL', from: period.to, to: period.from }, headers);
    expect(backwards.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'to' } });
    const long = await t.query(COLD, { from: '2010-01-01T00:00:00+08:00', to: '2025-06-01T00:00:00+08:00' }, headers);
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'to' } });
    const threshold = await t.query(COLD, { ...period, threshold: 2 }, headers);
    expect(threshold.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'threshold' } });
    expect((await t.query(RANKING, { by: 'FOOTFALL', ...period })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const department = await t.query(COLD, period, { authorization: `Bearer ${await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' })}` });
    expect(department.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
