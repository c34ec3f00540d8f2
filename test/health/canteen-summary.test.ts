import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDate } from '../../src/core/time/local-time';
import { HealthFlag } from '../../src/departments/health/residents/health-flag';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import {
  bearer,
  flagResident,
  HEALTH_ENV,
  healthSourceOf,
  hubsByCanteen,
  issueKey,
  localDay,
  residentToken,
  testRef,
  writeMeal,
} from './health-fixtures';
import { statementsOf } from '../helpers/statements-of';

const SUMMARY = 'hubId date mealsServed flags { flag diners suppressed } lowSaltShare';
const CANTEEN = `query($id: ID!, $date: Date) { hub(id: $id) { canteen(date: $date) { ${SUMMARY} } } }`;
const { HYPERTENSION: H, DIABETES: D, HYPERLIPIDEMIA: L } = HealthFlag;

interface Diner {
  flags: HealthFlag[];
  lowSalt: boolean;
}

describeEachDriver('Hub.canteen: a day at a canteen in aggregates, for screens', (driver) => {
  let hub: TestHub;
  let screen: Record<string, string>;
  let canteenHubs: number[];
  let noCanteenHubs: number[];

  beforeAll(async () => {
    hub = await startTestHub({ driver, env: HEALTH_ENV });
    screen = bearer((await issueKey(hub, ApiRole.SCREEN)).key);
    ({ withCanteen: canteenHubs, without: noCanteenHubs } = await hubsByCanteen(hub));
  });
  afterAll(() => hub?.close());

  /** One meal each at local noon of `date`: a low-salt plate or a salty one. */
  async function writeDay(hubId: number, date: string, scenario: string, diners: Diner[]): Promise<void> {
    const source = healthSourceOf(hub);
    for (const [i, diner] of diners.entries()) {
      const residentRef = testRef(scenario, i);
      await flagResident(source, residentRef, diner.flags);
      const dishes = diner.lowSalt ? ['清蒸鲈鱼', '白米饭'] : ['红烧肉', '白米饭'];
      await writeMeal(source, { hubId, residentRef, servedAt: new Date(startOfLocalDate(date).getTime() + 12 * 3600_000), dishes });
    }
  }
  const diners = (n: number, flags: HealthFlag[], lowSalt = false): Diner[] => Array.from({ length: n }, () => ({ flags, lowSalt }));
  const summaryOf = async (hubId: number, date?: string) => {
    const { data, errors } = await hub.query(CANTEEN, { id: String(hubId), date }, screen);
    expect(errors).toBeUndefined();
    return data.hub.canteen;
  };
  const withoutDate = ({ date: _date, ...rest }: Record<string, unknown>) => rest;

  it('answers for every hub of a list: a summary for each canteen, null for a hub without one, today by default', async () => {
    expect(canteenHubs.length).toBeGreaterThan(10);
    expect(noCanteenHubs.length).toBeGreaterThan(5);
    const { data, errors } = await hub.query(`{ hubs(first: 100) { edges { node { id canteen { ${SUMMARY} } } } } }`, undefined, screen);
    expect(errors).toBeUndefined();
    const today = localDay(0);
    const todays: { hub_id: number; meals: number }[] = await healthSourceOf(hub)
      .createQueryBuilder()
      .select('m.hub_id', 'hub_id')
      .addSelect('COUNT(*)', 'meals')
      .from('canteen_meal', 'm')
      .where('m.served_at >= :from AND m.served_at < :to', { from: startOfLocalDate(today), to: startOfLocalDate(localDay(1)) })
      .groupBy('m.hub_id')
      .getRawMany();
    for (const { node } of data.hubs.edges) {
      const id = Number(node.id);
      if (noCanteenHubs.includes(id)) {
        expect(node.canteen).toBeNull();
        continue;
      }
      expect(node.canteen).toMatchObject({ hubId: node.id, date: today });
      expect(node.canteen.mealsServed).toBe(Number(todays.find((r) => Number(r.hub_id) === id)?.meals ?? 0));
      expect(node.canteen.flags.map((f: any) => f.flag)).toEqual([H, D, L]);
      for (const flag of node.canteen.flags) {
        expect(flag.suppressed).toBe(flag.diners === null);
        if (!flag.suppressed) expect(flag.diners).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('counts distinct diners per flag and the low-salt share of the hypertensive diners’ meals', async () => {
    const date = localDay(-30);
    await writeDay(canteenHubs[0], date, 'count', [
      ...diners(5, [H], true),
      ...diners(4, [H, L], false),
      ...diners(1, [H, D], false),
      ...diners(2, [L, D], false),
      ...diners(8, [], true),
    ]);
    expect(await summaryOf(canteenHubs[0], date)).toEqual({
      hubId: String(canteenHubs[0]),
      date,
      mealsServed: 20,
      flags: [
        { flag: H, diners: 10, suppressed: false },
        { flag: D, diners: null, suppressed: true },
        { flag: L, diners: 6, suppressed: false },
      ],
      lowSaltShare: 0.5,
    });
  });

  it('moves as the tills write meals, today and on any day asked for', async () => {
    const date = localDay(-30);
    const before = await summaryOf(canteenHubs[0], date);
    const source = healthSourceOf(hub);
    await flagResident(source, testRef('moves', 1), [H]);
    await writeMeal(source, { hubId: canteenHubs[0], residentRef: testRef('moves', 1), servedAt: new Date(startOfLocalDate(date).getTime() + 13 * 3600_000), dishes: ['白灼虾', '杂粮饭'] });
    const after = await summaryOf(canteenHubs[0], date);
    expect(before.mealsServed).toBe(20);
    expect(after.mealsServed).toBe(21);
    expect(after.flags[0]).toEqual({ flag: H, diners: 11, suppressed: false });
    expect(after.lowSaltShare).toBe(0.55); // 6 of 11

    const today = await summaryOf(canteenHubs[1]);
    expect(today.date).toBe(localDay(0));
    await writeMeal(source, { hubId: canteenHubs[1], residentRef: testRef('moves', 2), servedAt: new Date(), dishes: ['馒头'] });
    expect((await summaryOf(canteenHubs[1])).mealsServed).toBe(today.mealsServed + 1);
  });

  it('publishes the same summary whatever value a suppressed count has: nothing recovers it', async () => {
    // 20 diners; 10 with hypertension (5 low-salt plates); 6 with high lipids; d with diabetes.
    const withDiabetics = (d: number): Diner[] => [
      ...diners(5, [H], true),
      ...diners(5, [H], false),
      ...diners(6, [L], false),
      ...diners(d, [D], false),
      ...diners(4 - d, [], false),
    ];
    const summaries: Record<number, unknown> = {};
    for (const [offset, d] of [[40, 0], [41, 1], [42, 4]]) {
      await writeDay(canteenHubs[0], localDay(-offset), `d${d}`, withDiabetics(d));
      summaries[d] = withoutDate(await summaryOf(canteenHubs[0], localDay(-offset)));
    }
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[4]).toEqual(summaries[0]);
    expect((summaries[0] as any).flags[1]).toEqual({ flag: D, diners: null, suppressed: true });

    // All but a few of the day's 20 diners have hypertension: a total minus the count would
    // give the few without it, so the count, and the share made from its meals, are withheld.
    const hypertensive = (h: number): Diner[] => [...diners(h - 8, [H], true), ...diners(8, [H], false), ...diners(20 - h, [], false)];
    const nearlyAll: Record<number, unknown> = {};
    for (const [offset, h] of [[43, 16], [44, 18], [45, 20], [46, 15]]) {
      await writeDay(canteenHubs[0], localDay(-offset), `h${h}`, hypertensive(h));
      nearlyAll[h] = withoutDate(await summaryOf(canteenHubs[0], localDay(-offset)));
    }
    expect(nearlyAll[18]).toEqual(nearlyAll[16]);
    expect(nearlyAll[20]).toEqual(nearlyAll[16]);
    expect(nearlyAll[16]).toMatchObject({ mealsServed: 20, flags: [{ flag: H, diners: null, suppressed: true }, expect.anything(), expect.anything()], lowSaltShare: null });
    // 15 of 20 leaves 5 without: both sides reach k, so it is shown (the check above can fail).
    expect(nearlyAll[15]).toMatchObject({ flags: [{ flag: H, diners: 15, suppressed: false }, expect.anything(), expect.anything()], lowSaltShare: 0.47 });
  });

  it('withholds the share when too few hypertensive meals were low-salt, though the count is shown', async () => {
    const date = localDay(-50);
    await writeDay(canteenHubs[2], date, 'share', [...diners(4, [H], true), ...diners(8, [H], false), ...diners(10, [], true)]);
    expect(await summaryOf(canteenHubs[2], date)).toMatchObject({ mealsServed: 22, flags: [{ flag: H, diners: 12, suppressed: false }, expect.anything(), expect.anything()], lowSaltShare: null });
  });

  it('answers several days of one hub in one query, each as if asked alone', async () => {
    const [a, b] = [localDay(-60), localDay(-61)];
    await writeDay(canteenHubs[3], a, 'days-a', diners(6, [H], true));
    await writeDay(canteenHubs[3], b, 'days-b', diners(7, [], false));
    const { data, errors } = await hub.query(
      `query($id: ID!, $a: Date, $b: Date) { hub(id: $id) { a: canteen(date: $a) { ${SUMMARY} } b: canteen(date: $b) { ${SUMMARY} } } }`,
      { id: String(canteenHubs[3]), a, b },
      screen,
    );
    expect(errors).toBeUndefined();
    expect(data.hub.a).toMatchObject({ date: a, mealsServed: 6 });
    expect(data.hub.b).toMatchObject({ date: b, mealsServed: 7 });
    expect(data.hub.a).toEqual(await summaryOf(canteenHubs[3], a));
    expect(data.hub.b).toEqual(await summaryOf(canteenHubs[3], b));
  });

  it('costs the same few statements for 5 hubs as for 50', async () => {
    const query = `query($first: Int) { hubs(first: $first) { edges { node { id canteen { mealsServed } } } } }`;
    const five = await statementsOf(hub.url, query, { first: 5 }, screen);
    const fifty = await statementsOf(hub.url, query, { first: 50 }, screen);
    expect(fifty.data.hubs.edges.filter((e: any) => e.node.canteen !== null).length).toBeGreaterThan(5);
    expect(five.counts.health).toBe(4); // menus, meals, flagged diners, hypertensive meals
    expect(fifty.counts.health).toBe(five.counts.health);
    // The page comes from civil's hub index, which either request may read again (it is
    // FEED_POLL_MS old at most): one statement at most, whatever the page's size.
    expect(fifty.counts.civil ?? 0).toBeLessThanOrEqual(1);
    expect(Object.keys(fifty.counts).filter((source) => source !== 'civil' && source !== 'health')).toEqual([]);
  });

  it('is for screens: no credential is UNAUTHENTICATED, a terminal, department or resident FORBIDDEN', async () => {
    const terminal = bearer((await issueKey(hub, ApiRole.CANTEEN_TERMINAL, { hubId: canteenHubs[0] })).key);
    const department = bearer((await issueKey(hub, ApiRole.DEPARTMENT, { department: 'health' })).key);
    const resident = bearer(await residentToken(testRef('resident', 1)));
    const ask = (headers: Record<string, string>) => hub.query(CANTEEN, { id: String(canteenHubs[0]) }, headers);
    for (const [headers, code] of [[{}, 'UNAUTHENTICATED'], [terminal, 'FORBIDDEN'], [department, 'FORBIDDEN'], [resident, 'FORBIDDEN']] as const) {
      const { data, errors } = await ask(headers);
      expect(errors?.map((e) => e.extensions?.code)).toEqual([code]);
      expect(data.hub.canteen).toBeNull();
    }
  });

  it('refuses a date that is not a calendar day', async () => {
    const { errors } = await hub.query(CANTEEN, { id: String(canteenHubs[0]), date: '2026-02-30' }, screen);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describeEachDriver('Hub.canteen with HEALTH_SUPPRESS_BELOW=3', (driver) => {
  let hub: TestHub;
  afterAll(() => hub?.close());

  it('shows a count of 4 that the default k of 5 would withhold', async () => {
    hub = await startTestHub({ driver, env: { ...HEALTH_ENV, HEALTH_SUPPRESS_BELOW: '3' } });
    const screen = bearer((await issueKey(hub, ApiRole.SCREEN)).key);
    const [hubId] = (await hubsByCanteen(hub)).withCanteen;
    const date = localDay(-30);
    const source = healthSourceOf(hub);
    for (let i = 0; i < 10; i++) {
      await flagResident(source, testRef('k3', i), i < 4 ? [D] : []);
      await writeMeal(source, { hubId, residentRef: testRef('k3', i), servedAt: new Date(startOfLocalDate(date).getTime() + 12 * 3600_000), dishes: ['馒头'] });
    }
    const { data } = await hub.query(`query($id: ID!, $date: Date) { hub(id: $id) { canteen(date: $date) { suppressBelow flags { flag diners suppressed } } } }`, { id: String(hubId), date }, screen);
    // A screen writes what is withheld as "<3".
    expect(data.hub.canteen.suppressBelow).toBe(3);
    expect(data.hub.canteen.flags).toEqual([
      { flag: H, diners: null, suppressed: true },
      { flag: D, diners: 4, suppressed: false },
      { flag: L, diners: null, suppressed: true },
    ]);
  });
});
