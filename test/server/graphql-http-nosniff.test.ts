import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const QUERY = '{ hubs(first: 1) { totalCount } }';
const JSON_TYPE = { 'content-type': 'application/json' };

/** Status and X-Content-Type-Options of one answer from /graphql. */
async function answer(url: string, init: RequestInit = {}): Promise<{ status: number; nosniff: string | null }> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return { status: response.status, nosniff: response.headers.get('x-content-type-options') };
}

const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { ...JSON_TYPE, ...headers }, body });

describeEachDriver('X-Content-Type-Options on every answer of /graphql', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    // A proxy is trusted so that the rate-limited case has an address of its own.
    hub = await startTestHub({ driver, seed: false, env: { MAX_BODY_KB: '1', RATE_LIMIT_PER_SECOND: '2', RATE_LIMIT_BURST: '2', TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => hub?.close());

  const from = (address: string) => ({ 'x-forwarded-for': address });

  it.each<[string, () => RequestInit, number, string?]>([
    ['an answer', () => post(JSON.stringify({ query: QUERY })), 200],
    ['a batch', () => post(JSON.stringify([{ query: QUERY }, { query: QUERY }]), from('192.0.2.2')), 200],
    ['a document that does not validate (application/json)', () => post(JSON.stringify({ query: '{ nothing }' }), from('192.0.2.3')), 200],
    ['a document that does not validate (graphql-response+json)', () => post(JSON.stringify({ query: '{ nothing }' }), { ...from('192.0.2.4'), accept: 'application/graphql-response+json' }), 400],
    ['a body that is not JSON', () => post('{', from('192.0.2.5')), 400],
    ['a batch too large', () => post(JSON.stringify(Array.from({ length: 11 }, () => ({ query: '{ a: __typename }' }))), from('192.0.2.6')), 400],
    ['a body too large', () => post(JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(2048) } }), from('192.0.2.7')), 413],
    ['an unknown credential', () => post(JSON.stringify({ query: QUERY }), { ...from('192.0.2.8'), authorization: `Bearer xfh_${'A'.repeat(43)}` }), 401],
    ['a mutation over GET', () => ({ headers: { 'apollo-require-preflight': 'true', ...from('192.0.2.9') } }), 405, '?query=mutation%20%7B%20__typename%20%7D'],
    ['a cross-site form post', () => ({ method: 'POST', headers: { 'content-type': 'text/plain', ...from('192.0.2.10') }, body: JSON.stringify({ query: QUERY }) }), 400],
  ])('on %s', async (_what, init, status, search = '') => {
    expect(await answer(hub.url + search, init())).toEqual({ status, nosniff: 'nosniff' });
  });

  it('on a refusal for too many requests', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => answer(hub.url, post(JSON.stringify({ query: QUERY }), from('198.51.100.9')))));
    expect(answers.map((a) => a.status)).toContain(429);
    for (const a of answers) expect(a.nosniff).toBe('nosniff');
  });

  it('on an internal failure (500)', async () => {
    // The hub's own database gone: a key cannot be looked up.
    await hub.hub.services.sources.get('hub').destroy();
    const failed = await answer(hub.url, post(JSON.stringify({ query: QUERY }), { ...from('192.0.2.11'), authorization: `Bearer xfh_${'B'.repeat(43)}` }));
    expect(failed).toEqual({ status: 500, nosniff: 'nosniff' });
  });
});
