import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const HUB_WITH_RELATIONS = /* GraphQL */ `
  query($id: ID!, $from: DateTime, $to: DateTime, $first: Int) {
    hub(id: $id) {
      name
      facilities { type name floor }
      organizations { name field }
      activities(from: $from, to: $to, first: $first) { id hubId startsAt endsAt status capacity booked remaining }
    }
  }
`;
const HUBS = /* GraphQL */ `
  query($filter: HubFilter, $first: Int) {
    hubs(filter: $filter, first: $first) { totalCount edges { node { id name facilities { type } } } }
  }
`;

describeEachDriver('a hub’s facilities, organizations and activities; hub filters', (driver) => {
  let hub: TestHub;
  let sandunId: string;
  beforeAll(async () => {
    hub = await startTestHub({ driver });
    const { data } = await hub.query(HUBS, { filter: { kind: 'FLAGSHIP' } });
    sandunId = data.hubs.edges[0].node.id;
  });
  afterAll(() => hub?.close());

  it('lists the flagship’s nine floors of facilities, in floor order, and its operator first', async () => {
    const { data, errors } = await hub.query(HUB_WITH_RELATIONS, { id: sandunId });
    expect(errors).toBeUndefined();
    expect(data.hub.name).toBe('三墩镇民生综合体');
    expect(data.hub.facilities.map((f: any) => f.floor)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(data.hub.facilities[1]).toEqual({ type: 'HEALTH_HUT', name: '健康小屋', floor: 2 });
    expect(data.hub.organizations[0]).toEqual({ name: '文泽社会组织服务中心', field: '综合运营' });
  });

  it('lists upcoming activities by default: soonest first, none over, at most `first`', async () => {
    const now = Date.now();
    const { data } = await hub.query(HUB_WITH_RELATIONS, { id: sandunId, first: 100 });
    const activities = data.hub.activities;
    expect(activities.length).toBeGreaterThan(3);
    for (const a of activities) {
      expect(a.hubId).toBe(sandunId);
      expect(Date.parse(a.endsAt)).toBeGreaterThan(now);
      expect(a.remaining).toBe(a.capacity - a.booked);
    }
    const starts = activities.map((a: any) => Date.parse(a.startsAt));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));

    const two = await hub.query(HUB_WITH_RELATIONS, { id: sandunId, first: 2 });
    expect(two.data.hub.activities).toEqual(activities.slice(0, 2));
  });

  it('lists the activities of a window of time, yesterday’s included when asked', async () => {
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const { data, errors } = await hub.query(HUB_WITH_RELATIONS, { id: sandunId, from, to, first: 100 });
    expect(errors).toBeUndefined();
    expect(data.hub.activities.some((a: any) => Date.parse(a.endsAt) < Date.now())).toBe(true);
    for (const a of data.hub.activities) {
      expect(Date.parse(a.endsAt)).toBeGreaterThan(Date.parse(from));
      expect(Date.parse(a.startsAt)).toBeLessThan(Date.parse(to));
    }
  });

  it.each([
    ['to before from', { from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, 'to'],
    ['a span over a year', { from: '2026-01-01T00:00:00Z', to: '2027-01-03T00:00:00Z' }, 'to'],
    ['first over 100', { first: 101 }, 'first'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, args, argument) => {
    const { errors } = await hub.query(HUB_WITH_RELATIONS, { id: sandunId, ...args });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.argument).toBe(argument);
    expect(errors?.[0].message).toMatch(new RegExp(`^${argument} `));
  });

  it('filters hubs by facility type: every hub with one, each once', async () => {
    const all = await hub.query(HUBS, { first: 100 });
    const withHut = all.data.hubs.edges.filter((e: any) => e.node.facilities.some((f: any) => f.type === 'HEALTH_HUT'));
    const { data } = await hub.query(HUBS, { filter: { facility: 'HEALTH_HUT' }, first: 100 });
    expect(withHut.length).toBeGreaterThan(0);
    expect(data.hubs.totalCount).toBe(withHut.length);
    expect(data.hubs.edges.map((e: any) => e.node.id)).toEqual(withHut.map((e: any) => e.node.id));
  });

  it('filters hubs by text in the name: trimmed, wildcards taken literally, ASCII case ignored', async () => {
    const source = hub.hub.services.sources.get('civil');
    await source.query(
      "INSERT INTO hub (code, name, kind, district, street, address, lat, lng) VALUES ('T-1', 'Sunny 100% 阳光_驿站', 'EMBEDDED', '西湖区', '三墩镇', '', 30.3, 120.1)",
    );
    const names = async (text: string) => (await hub.query(HUBS, { filter: { text } })).data.hubs.edges.map((e: any) => e.node.name);
    expect(await names(' 三墩 ')).toEqual(['三墩镇民生综合体']);
    expect(await names('sunny 100%')).toEqual(['Sunny 100% 阳光_驿站']);
    expect(await names('阳光_驿')).toEqual(['Sunny 100% 阳光_驿站']);
    expect(await names('100%阳')).toEqual([]); // % is not "anything"
    expect(await names('光_站')).toEqual([]); // _ is not "any character"
    expect(await names('!')).toEqual([]); // the escape character itself is plain text
    const street = await hub.query(HUBS, { filter: { text: '民生综合体', street: '三墩镇', kind: 'FLAGSHIP' } });
    expect(street.data.hubs.totalCount).toBe(1);
  });
});
