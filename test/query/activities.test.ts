import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const ACTIVITIES = /* GraphQL */ `
  query($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id title category startsAt endsAt capacity booked remaining status hub { id name street } organizer { name } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;

/** A cursor of the activities list with the keys given (`<startsAt epoch ms>:<id>`), as a forger writes it. */
const cursor = (keys: string) => Buffer.from(`activities:${keys}`).toString('base64url');
const NOT_A_CURSOR = /^after: "[A-Za-z0-9_-]+" is not a cursor of this list$/;

describeEachDriver('activities', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver });
  });
  afterAll(() => hub?.close());

  const page = async (variables: Record<string, unknown>) => {
    const { data, errors } = await hub.query(ACTIVITIES, variables);
    expect(errors).toBeUndefined();
    return data.activities;
  };

  it('pages through every upcoming activity once, soonest first, with hub, organizer and places left', async () => {
    const now = Date.now();
    const seen: any[] = [];
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const activities = await page({ first: 100, after });
      total = activities.totalCount;
      seen.push(...activities.edges.map((e: any) => e.node));
      if (!activities.pageInfo.hasNextPage) break;
      after = activities.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((a) => a.id)).size).toBe(total);
    const order = seen.map((a) => [Date.parse(a.startsAt), Number(a.id)]);
    expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    for (const a of seen) {
      expect(Date.parse(a.endsAt)).toBeGreaterThan(now);
      expect(a.status).toBe('SCHEDULED');
      expect(a.remaining).toBe(a.capacity - a.booked);
      expect(a.hub.name).toMatch(/民生综合体$/);
    }
    expect(seen.some((a) => a.organizer?.name)).toBe(true);
  });

  it('filters by hub, street, category and window', async () => {
    const any = (await page({ first: 1 })).edges[0].node;
    const ofHub = await page({ filter: { hubId: any.hub.id }, first: 100 });
    expect(ofHub.totalCount).toBeGreaterThan(0);
    expect(ofHub.edges.every((e: any) => e.node.hub.id === any.hub.id)).toBe(true);

    const ofStreet = await page({ filter: { street: '三墩镇' }, first: 100 });
    expect(ofStreet.totalCount).toBeGreaterThan(0);
    expect(ofStreet.edges.every((e: any) => e.node.hub.street === '三墩镇')).toBe(true);

    const talks = await page({ filter: { category: '健康讲座' }, first: 100 });
    expect(talks.totalCount).toBeGreaterThan(0);
    expect(talks.edges.every((e: any) => e.node.category === '健康讲座')).toBe(true);

    const from = new Date(Date.now() + 2 * 86_400_000);
    const to = new Date(Date.now() + 3 * 86_400_000);
    const window = await page({ filter: { from: from.toISOString(), to: to.toISOString() }, first: 100 });
    expect(window.totalCount).toBeGreaterThan(0);
    for (const e of window.edges) {
      expect(Date.parse(e.node.endsAt)).toBeGreaterThan(from.getTime());
      expect(Date.parse(e.node.startsAt)).toBeLessThan(to.getTime());
    }
    const all = await page({ first: 1 });
    expect(window.totalCount).toBeLessThan(all.totalCount);
  });

  it('lists cancelled activities only when asked', async () => {
    const first = (await page({ first: 1 })).edges[0].node;
    await hub.hub.services.sources.get('civil').query("UPDATE activity SET status = 'CANCELLED' WHERE id = ?", [first.id]);
    const scheduled = await page({ filter: { hubId: first.hub.id }, first: 100 });
    expect(scheduled.edges.map((e: any) => e.node.id)).not.toContain(first.id);
    const everything = await page({ filter: { hubId: first.hub.id, includeCancelled: true }, first: 100 });
    expect(everything.edges.find((e: any) => e.node.id === first.id)?.node.status).toBe('CANCELLED');
    expect(everything.totalCount).toBe(scheduled.totalCount + 1);
  });

  it('takes a cursor at either end of the dates the databases hold: before every activity, and after every one', async () => {
    const all = await page({ first: 5 });
    const fromYear1000 = await page({ first: 5, after: cursor(`${Date.UTC(1000, 0, 1)}:1`) });
    expect(fromYear1000.edges.map((e: any) => e.node.id)).toEqual(all.edges.map((e: any) => e.node.id));
    const afterYear9999 = await page({ first: 5, after: cursor(`${Date.UTC(9999, 11, 31, 23, 59, 59, 999)}:1`) });
    expect(afterYear9999.edges).toEqual([]);
    expect(afterYear9999.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['a hub that does not exist', { filter: { hubId: '9999' } }, 'filter.hubId', /^filter\.hubId: there is no hub 9999/],
    ['a hub id that is not one', { filter: { hubId: 'x' } }, 'filter.hubId', /^filter\.hubId: "x" is not a valid id/],
    ['to before from', { filter: { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' } }, 'filter.to', /^filter\.to must be after from/],
    ['a span over a year', { filter: { from: '2026-01-01T00:00:00Z', to: '2027-06-01T00:00:00Z' } }, 'filter.to', /at most 366 days/],
    ['a date that is not one', { filter: { from: '2026-13-01' } }, undefined, /from/],
    ['first over 100', { first: 500 }, 'first', /^first must be between 0 and 100, got 500/],
    ['a cursor of another list', { after: Buffer.from('hubs:3').toString('base64url') }, 'after', /^after:/],
    ['a cursor dated after the year 9999', { after: cursor('253402300800000:5') }, 'after', NOT_A_CURSOR],
    ['a cursor dated 1e15 ms after 1970', { after: cursor('999999999999999:5') }, 'after', NOT_A_CURSOR],
    ['a cursor dated before the year 1000', { after: cursor('-30610224000001:5') }, 'after', NOT_A_CURSOR],
    ['a cursor dated before the year 1', { after: cursor('-62198755200000:5') }, 'after', NOT_A_CURSOR],
    ['a cursor whose time is no date at all', { after: cursor('8640000000000001:5') }, 'after', NOT_A_CURSOR],
    ['a cursor whose id is 0', { after: cursor('1767225600000:0') }, 'after', NOT_A_CURSOR],
    ['a cursor whose id is negative', { after: cursor('1767225600000:-5') }, 'after', NOT_A_CURSOR],
    ['a cursor whose time is written another way', { after: cursor('01767225600000:5') }, 'after', NOT_A_CURSOR],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, variables, argument, message) => {
    const { errors } = await hub.query(ACTIVITIES, variables);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    if (argument) expect(errors?.[0].extensions?.argument).toBe(argument);
    expect(errors?.[0].message).toMatch(message);
  });
});
