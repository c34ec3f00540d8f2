import { describeEachDriver } from '../helpers/drivers';
import { statementsOf } from '../helpers/statements-of';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const HUBS_WITH_RELATIONS = /* GraphQL */ `
  query($first: Int) {
    hubs(first: $first) { edges { node { facilities { id } organizations { id } activities { id } } } }
  }
`;

describeEachDriver('SQL statements per query', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    // The hub index (FEED_POLL_MS old at most) is read once below and not again during the test.
    hub = await startTestHub({ driver, env: { FEED_POLL_MS: '60000' } });
    // 58 demo hubs: add hubs so that a page of 100 is full.
    const source = hub.hub.services.sources.get('civil');
    for (let n = 59; n <= 130; n++) {
      await source.query(
        "INSERT INTO hub (code, name, kind, district, street, address, lat, lng) VALUES (?, ?, 'EMBEDDED', '西湖区', '三墩镇', '', 30.3, 120.1)",
        [`T-${n}`, `测试综合体${n}`],
      );
    }
    await statementsOf(hub.url, '{ hubs(first: 1) { totalCount } }', {});
  });
  afterAll(() => hub?.close());

  it('is the same for 5 hubs and for 100, with their facilities, organizations and activities', async () => {
    const five = await statementsOf(hub.url, HUBS_WITH_RELATIONS, { first: 5 });
    const hundred = await statementsOf(hub.url, HUBS_WITH_RELATIONS, { first: 100 });
    expect(five.data.hubs.edges).toHaveLength(5);
    expect(hundred.data.hubs.edges).toHaveLength(100);
    // The relations really were loaded (and so really were counted).
    const nodes = hundred.data.hubs.edges.map((e: any) => e.node);
    expect(nodes.filter((n: any) => n.facilities.length > 0)).toHaveLength(58);
    expect(nodes.some((n: any) => n.organizations.length > 0)).toBe(true);
    expect(nodes.some((n: any) => n.activities.length > 0)).toBe(true);

    // The page and its totalCount come from the hub index; one statement per relation.
    expect(five.counts).toEqual({ civil: 3 });
    expect(hundred.counts).toEqual(five.counts);

    // Asked again within FEED_POLL_MS: facilities and organizations from memory, activities read.
    const again = await statementsOf(hub.url, HUBS_WITH_RELATIONS, { first: 100 });
    expect(again.data).toEqual(hundred.data);
    expect(again.counts).toEqual({ civil: 1 });
  });

  it('counts each statement: without the relations, three fewer (none: the hub index answers)', async () => {
    const plain = await statementsOf(hub.url, `query($first: Int) { hubs(first: $first) { totalCount edges { node { id } } } }`, { first: 100 });
    expect(plain.data.hubs.totalCount).toBe(130);
    expect(plain.counts).toEqual({});
  });

  it('stays constant when activities reach their hubs and organizers', async () => {
    const query = `query($first: Int) { activities(first: $first) { edges { node { hub { name facilities { id } } organizer { name } } } } }`;
    const few = await statementsOf(hub.url, query, { first: 3 });
    const many = await statementsOf(hub.url, query, { first: 100 });
    expect(many.data.activities.edges).toHaveLength(100);
    expect(many.counts).toEqual(few.counts);
  });
});
