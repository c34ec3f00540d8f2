import { randomBytes } from 'node:crypto';
import { ApiClient } from '../../src/core/auth/api-client.entity';
import { describeEachDriver, testRedisUrl, type Driver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { ADMIN_SECRET, bearer, createKey, RESIDENT_JWT_SECRET, residentToken } from './helpers/credentials';
import { WsProbe } from './helpers/ws-probe';

/**
 * Guessing credentials costs the guesser's address the same on HTTP and over graphql-ws: one
 * budget per address (the rate limit of anonymous callers), which both transports draw from.
 * A trusted proxy (TRUST_PROXY_HOPS=1) lets each test guess from an address of its own.
 */
const LIMITS = { RATE_LIMIT_PER_SECOND: '5', RATE_LIMIT_BURST: '10', TRUST_PROXY_HOPS: '1' };
const QUERY = '{ hubs(first: 1) { totalCount } }';
const RATE_LIMITED_REASON = /^too many requests from this address: try again in \d+ s$/;

const from = (address: string) => ({ 'x-forwarded-for': address });
const randomKey = () => `xfh_${randomBytes(32).toString('base64url')}`;
const forgedToken = () => residentToken(`resident-${randomBytes(6).toString('hex')}`, 3600, 'a-forger-s-own-secret-of-32-characters!');

/** `keys` random API keys and `tokens` forged resident tokens, all at once, as connection_init from `address`. */
async function guessOverWs(hub: TestHub, address: string, keys: number, tokens: number): Promise<{ code: number; reason: string }[]> {
  const credentials = [...Array.from({ length: keys }, randomKey), ...(await Promise.all(Array.from({ length: tokens }, forgedToken)))];
  return Promise.all(
    credentials.map(async (credential) => {
      const socket = new WsProbe(hub.wsUrl, from(address));
      const outcome = await socket.init(bearer(credential));
      if (outcome === 'ack') throw new Error('a guessed credential was accepted');
      return socket.closed;
    }),
  );
}

/** The most refusals a budget of 5/s + 10 lets through while guessing for `ms`. */
const withinBudget = (ms: number) => 5 * (Math.floor(ms / 1000) + 1) + 10;

/**
 * The address is refused on HTTP now, but for what its budget refilled since the guessing ended
 * (5 a second: on a loaded machine the check may come a second or two later).
 */
async function expectHttpRefused(hub: TestHub, address: string, guessingEnded = Date.now()): Promise<void> {
  const ask = () => fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...from(address) }, body: JSON.stringify({ query: QUERY }) });
  let anonymous = await ask();
  let served = 0;
  while (anonymous.status === 200 && served < 50) {
    served++;
    anonymous = await ask();
  }
  expect(served).toBeLessThanOrEqual(5 * (Math.ceil((Date.now() - guessingEnded) / 1000) + 1));
  expect(anonymous.status).toBe(429);
  expect(Number(anonymous.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect((await anonymous.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
  const guess = await hub.query(QUERY, undefined, { ...from(address), ...bearer(randomKey()) });
  expect(guess.status).toBe(429);
  expect(guess.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(RATE_LIMITED_REASON) });
}

describeEachDriver('credential guessing, counted in this process', (driver) => {
  let hub: TestHub;
  let screenKey: string;
  beforeAll(async () => {
    hub = await startTestHub({ driver, seed: false, env: { ...LIMITS, HUB_ADMIN_SECRET: ADMIN_SECRET, RESIDENT_JWT_SECRET } });
    screenKey = (await createKey(hub, { name: '三墩大屏', role: 'SCREEN' })).key;
  });
  afterAll(() => hub?.close());

  it('over graphql-ws: past the budget the socket closes with 4429 and a reason, and the address is refused on HTTP too', async () => {
    const started = Date.now();
    const closes = await guessOverWs(hub, '203.0.113.10', 100, 50);
    const ended = Date.now();
    const took = ended - started;
    const refused = closes.filter((c) => c.code === 4403);
    const limited = closes.filter((c) => c.code === 4429);
    expect(refused.length + limited.length).toBe(150);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(withinBudget(took));
    expect(limited[0].reason).toMatch(RATE_LIMITED_REASON);

    await expectHttpRefused(hub, '203.0.113.10', ended);
    // A credential that checks out spends its own budget, not the address's.
    expect((await hub.query('{ __typename }', undefined, { ...from('203.0.113.10'), ...bearer(screenKey) })).status).toBe(200);
    // Another address has a budget of its own.
    expect((await hub.query(QUERY, undefined, from('198.51.100.20'))).status).toBe(200);
    const elsewhere = new WsProbe(hub.wsUrl, from('198.51.100.20'));
    expect(await elsewhere.init(bearer(randomKey()))).toBe(4403);
  });

  it('over HTTP: guesses spend the same budget, so the address’s next socket guess closes with 4429', async () => {
    const guesses = await Promise.all(Array.from({ length: 40 }, () => hub.query(QUERY, undefined, { ...from('203.0.113.20'), ...bearer(randomKey()) })));
    expect(guesses.filter((g) => g.status === 401).length).toBeGreaterThanOrEqual(1);
    expect(guesses.filter((g) => g.status === 429).length).toBeGreaterThanOrEqual(40 - withinBudget(2_000));

    const socket = new WsProbe(hub.wsUrl, from('203.0.113.20'));
    expect(await socket.init(bearer(randomKey()))).toBe(4429);
    expect((await socket.closed).reason).toMatch(RATE_LIMITED_REASON);
    // A socket that sends something that is no credential at all is a guess as well.
    const odd = new WsProbe(hub.wsUrl, from('203.0.113.20'));
    expect(await odd.init({ authorization: 42 })).toBe(4429);
  });

  it('closes with 4429 a socket whose key was revoked unheard-of, at its next operation, once its address is past the budget', async () => {
    const { id, key } = await createKey(hub, { name: '古荡大屏', role: 'SCREEN' });
    const socket = new WsProbe(hub.wsUrl, from('203.0.113.40'));
    expect(await socket.init(bearer(key))).toBe('ack');
    await Promise.all(Array.from({ length: 40 }, () => hub.query(QUERY, undefined, { ...from('203.0.113.40'), ...bearer(randomKey()) })));
    // As `npm run keys revoke` in another process does: no broadcast reaches this hub.
    await hub.hub.services.sources.get('hub').getRepository(ApiClient).update(Number(id), { revokedAt: new Date() });
    socket.subscribe('1', '{ __typename }');
    expect((await socket.firstResult('1')).payload[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(RATE_LIMITED_REASON) });
    expect(await socket.closed).toEqual({ code: 4429, reason: expect.stringMatching(RATE_LIMITED_REASON) });
  });
});

const redisUrl = testRedisUrl();
const describeWithRedis = redisUrl ? describeEachDriver : (title: string, suite: (driver: Driver) => void) => describe.skip(title, () => suite('sqlite'));

describeWithRedis('credential guessing, counted in Redis by every instance', (driver) => {
  let a: TestHub;
  let b: TestHub;
  beforeAll(async () => {
    const env = { ...LIMITS, REDIS_URL: redisUrl!, RATE_LIMIT_KEY_PREFIX: `xfh-test:${process.pid}:${Date.now().toString(36)}:${driver}` };
    [a, b] = await Promise.all([startTestHub({ driver, seed: false, env }), startTestHub({ driver, seed: false, env })]);
  });
  afterAll(() => Promise.all([a?.close(), b?.close()]));

  it('guesses over graphql-ws on one instance spend the address’s budget on the other, for sockets and HTTP', async () => {
    const started = Date.now();
    const closes = await guessOverWs(a, '203.0.113.30', 60, 30);
    const limited = closes.filter((c) => c.code === 4429);
    expect(closes.filter((c) => c.code === 4403).length).toBeLessThanOrEqual(withinBudget(Date.now() - started));
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0].reason).toMatch(RATE_LIMITED_REASON);

    await expectHttpRefused(b, '203.0.113.30');
    const onB = new WsProbe(b.wsUrl, from('203.0.113.30'));
    expect(await onB.init(bearer(randomKey()))).toBe(4429);
  });
});
