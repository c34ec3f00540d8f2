import { seededRandom } from '../../../src/core/seeding/seeded-random';
import { addDays, atLocalTime, startOfLocalDay } from '../../../src/core/time/local-time';
import { {{name}}Department } from '../../../src/departments/{{name}}';
import { {{NAME}}_RECORDS } from '../../../src/departments/{{name}}/live/{{name}}-metrics';
import { {{Name}}Record } from '../../../src/departments/{{name}}/records/{{name}}-record.entity';
import { describeEachDriver } from '../../helpers/drivers';
import { startTestHub, type TestHub } from '../../helpers/test-hub';
import { liveOf } from '../../live/live-helpers';

describeEachDriver('the {{name}} department ({{title}})', (driver) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ driver });
  });
  afterAll(() => t?.close());

  const records = () => t.hub.services.sources.get('{{name}}').getRepository({{Name}}Record);
  /** Today's quantities per hub, summed straight from the department's table. */
  const todayInTable = async (): Promise<Map<number, number>> => {
    const from = startOfLocalDay(new Date());
    const rows = await records()
      .createQueryBuilder('r')
      .select('r.hubId', 'hubId')
      .addSelect('SUM(r.quantity)', 'n')
      .where('r.recordedAt >= :from AND r.recordedAt < :to', { from, to: addDays(from, 1) })
      .groupBy('r.hubId')
      .getRawMany<{ hubId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.hubId), Number(r.n)]));
  };

  it('lists a hub’s records newest first, as its table holds them, and keeps to first', async () => {
    const [busiest] = await records().createQueryBuilder('r').select('r.hubId', 'hubId').groupBy('r.hubId').orderBy('COUNT(*)', 'DESC').limit(1).getRawMany();
    const hubId = String(busiest.hubId);
    const inTable = await records().find({ where: { hubId: Number(hubId) }, order: { recordedAt: 'DESC', id: 'DESC' } });
    expect(inTable.length).toBeGreaterThan(0);
    const { data, errors } = await t.query(`query ($hubId: ID!, $first: Int) { {{name}}Records(hubId: $hubId, first: $first) { id hubId quantity note } }`, { hubId, first: 100 });
    expect(errors).toBeUndefined();
    expect(data.{{name}}Records).toEqual(inTable.map((r) => ({ id: String(r.id), hubId, quantity: r.quantity, note: r.note })));
    const one = await t.query(`{ {{name}}Records(hubId: ${hubId}, first: 1) { id } }`);
    expect(one.data.{{name}}Records).toEqual([{ id: String(inTable[0].id) }]);
  });

  it('refuses a page over the limit, naming first', async () => {
    const { errors } = await t.query(`{ {{name}}Records(hubId: 1, first: 101) { id } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('gives every hub today’s total on Hub.{{name}}RecordsToday', async () => {
    const { data, errors } = await t.query(`{ hubs(first: 100) { edges { node { id {{name}}RecordsToday } } } }`);
    expect(errors).toBeUndefined();
    const expected = await todayInTable();
    for (const { node } of data.hubs.edges) expect([node.id, node.{{name}}RecordsToday]).toEqual([node.id, expected.get(Number(node.id)) ?? 0]);
  });

  it('moves the {{name}}Records live metric of the hub and of the district when a record is written to its table', async () => {
    const live = liveOf(t.hub);
    await live.drain();
    const metricOf = async () => {
      const { data, errors } = await t.query(`{ hub(id: 2) { live { metrics { name department value } } } }`);
      expect(errors).toBeUndefined();
      return data.hub.live.metrics.find((m: { name: string }) => m.name === {{NAME}}_RECORDS);
    };
    const before = await metricOf();
    expect(before).toMatchObject({ department: '{{name}}', value: (await todayInTable()).get(2) ?? 0 });
    const districtBefore = live.state.overview(null).values.get({{NAME}}_RECORDS) ?? 0;
    await records().insert({ hubId: 2, recordedAt: new Date(), quantity: 4, note: '测试' });
    await live.drain();
    expect((await metricOf()).value).toBe(before.value + 4);
    expect(live.state.overview(null).values.get({{NAME}}_RECORDS)).toBe(districtBefore + 4);
  });

  it('simulates records in office hours and none at night', async () => {
    const hubs = liveOf(t.hub).state.hubList();
    const tick = (hour: number) =>
      {{name}}Department.simulate!({ source: t.hub.services.sources.get('{{name}}'), now: atLocalTime(new Date(), hour, 0), elapsedMs: 3_600_000, hubs, random: seededRandom(1) });
    const before = await records().count();
    const written = await tick(10);
    expect(written).toBeGreaterThan(0);
    expect(await records().count()).toBe(before + written);
    expect(await tick(3)).toBe(0);
  });
});
