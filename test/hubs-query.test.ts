import { describeEachDriver } from './helpers/drivers';
import { startTestHub, type TestHub } from './helpers/test-hub';

const HUBS = /* GraphQL */ `
  query Hubs($filter: HubFilter, $first: Int, $after: String) {
    hubs(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id code name kind street } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

describeEachDriver('hubs and hub(id)', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver });
  });
  afterAll(() => hub?.close());

  it('lists the 58 hubs of the demo district', async () => {
    const { data, errors } = await hub.query(HUBS, { first: 100 });
    expect(errors).toBeUndefined();
    expect(data.hubs.totalCount).toBe(58);
    expect(data.hubs.edges).toHaveLength(58);
    expect(data.hubs.pageInfo.hasNextPage).toBe(false);
    expect(new Set(data.hubs.edges.map((e: any) => e.node.street)).size).toBe(12);
  });

  it('pages with cursors: every hub once, in a stable order', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { data } = await hub.query(HUBS, { first: 25, after });
      seen.push(...data.hubs.edges.map((e: any) => e.node.id));
      expect(data.hubs.totalCount).toBe(58);
      if (!data.hubs.pageInfo.hasNextPage) break;
      after = data.hubs.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(58);
    expect(new Set(seen).size).toBe(58);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
  });

  it('filters by street and by kind', async () => {
    const street = await hub.query(HUBS, { filter: { street: '三墩镇' } });
    expect(street.data.hubs.totalCount).toBe(5);
    expect(street.data.hubs.edges.map((e: any) => e.node.name)).toContain('三墩镇民生综合体');
    expect(street.data.hubs.edges.every((e: any) => e.node.street === '三墩镇')).toBe(true);

    const flagship = await hub.query(HUBS, { filter: { kind: 'FLAGSHIP' } });
    expect(flagship.data.hubs.edges.map((e: any) => e.node.name)).toEqual(['三墩镇民生综合体']);

    const both = await hub.query(HUBS, { filter: { street: '北山街道', kind: 'CLUSTER' } });
    expect(both.data.hubs.edges.map((e: any) => e.node.name)).toContain('北山街道民生综合体');
    expect(both.data.hubs.edges.every((e: any) => e.node.kind === 'CLUSTER')).toBe(true);
  });

  it('finds one hub by id with its location in the system asked for', async () => {
    const list = await hub.query(HUBS, { filter: { kind: 'FLAGSHIP' } });
    const id = list.data.hubs.edges[0].node.id;
    const { data } = await hub.query(
      `query($id: ID!) { hub(id: $id) { name kind wgs: location { lat lng coordSystem } gcj: location(coordSystem: GCJ02) { lat lng coordSystem } } }`,
      { id },
    );
    expect(data.hub).toMatchObject({ name: '三墩镇民生综合体', kind: 'FLAGSHIP' });
    expect(data.hub.wgs).toEqual({ lat: 30.3291, lng: 120.0952, coordSystem: 'WGS84' });
    expect(data.hub.gcj.coordSystem).toBe('GCJ02');
    // GCJ-02 is shifted a few hundred metres from WGS-84 in Hangzhou.
    const dLat = (data.hub.gcj.lat - data.hub.wgs.lat) * 111_000;
    const dLng = (data.hub.gcj.lng - data.hub.wgs.lng) * 96_000;
    expect(Math.hypot(dLat, dLng)).toBeGreaterThan(300);
    expect(Math.hypot(dLat, dLng)).toBeLessThan(700);
  });

  it('answers null for an id no hub has, and BAD_USER_INPUT for an id that is not one', async () => {
    expect((await hub.query(`{ hub(id: "9999") { id } }`)).data.hub).toBeNull();
    const bad = await hub.query(`{ hub(id: "abc") { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('id');
  });

  it('refuses a page larger than 100 and a cursor from elsewhere, naming the argument', async () => {
    const big = await hub.query(HUBS, { first: 101 });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0].message).toMatch(/^first must be between 0 and 100/);
    const cursor = await hub.query(HUBS, { after: 'bm90LWEtY3Vyc29y' });
    expect(cursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(cursor.errors?.[0].message).toMatch(/^after:/);
  });
});
