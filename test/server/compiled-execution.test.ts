import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

/**
 * A query is executed by graphql-js the first time Apollo sees its document and by graphql-jit
 * from the second time on: the answers, errors and codes must be the same either way.
 */
describeEachDriver('compiled execution', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver });
  });
  afterAll(() => hub?.close());

  const thrice = async (query: string, variables: Record<string, unknown>) => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await hub.query(query, variables));
    return answers;
  };

  it('applies an input field default (ActivityFilter.includeCancelled) alike each time', async () => {
    const query = `query($filter: ActivityFilter) { activities(filter: $filter, first: 3) { totalCount edges { node { status } } } }`;
    const [first, second, third] = await thrice(query, { filter: { street: '三墩镇' } });
    expect(first.errors).toBeUndefined();
    expect(first.data.activities.totalCount).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(first.data.activities.edges.every((e: { node: { status: string } }) => e.node.status !== 'CANCELLED')).toBe(true);
  });

  it('refuses a bad variable with the same BAD_USER_INPUT and status each time', async () => {
    const query = `query($near: GeoInput!) { nearbyHubs(near: $near) { distanceMeters } }`;
    const answers = await thrice(query, { near: { lat: 'north', lng: 120.1 } });
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('gives a resolver’s refusal with the same code, argument, path and null each time', async () => {
    const query = `query($near: GeoInput!) { nearbyHubs(near: $near, radiusMeters: 50001) { distanceMeters } }`;
    const answers = await thrice(query, { near: { lat: 30.3, lng: 120.1 } });
    expect(answers[0].data?.nearbyHubs ?? null).toBeNull();
    expect(answers[0].errors?.[0]).toMatchObject({ path: ['nearbyHubs'], extensions: { code: 'BAD_USER_INPUT', argument: 'radiusMeters' } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});
