import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { ADMIN_SECRET, bearer, createKey } from './helpers/credentials';
import { departmentsWithProbe } from './helpers/probe-department';
import { WsProbe } from './helpers/ws-probe';

/** `{ probeTree { child { child … { depth } } } }` nested `levels` deep. */
function nested(levels: number): string {
  let selection = 'depth';
  for (let i = 1; i < levels; i++) selection = `child { ${selection} }`;
  return `{ probeTree { ${selection} } }`;
}

const HUB_PAGE = (first: number) => `hubs(first: ${first}) { totalCount edges { cursor node { id code name kind district street address capacity floorAreaM2 location { lat lng coordSystem } } } pageInfo { hasNextPage endCursor } }`;

async function postRaw(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as any };
}

/** The error a graphql-ws operation ended with. */
async function wsErrors(socket: WsProbe, id: string): Promise<any[]> {
  const answer = await socket.firstResult(id);
  return answer.type === 'error' ? answer.payload : answer.payload.errors;
}

describeEachDriver('limits, with the default settings', (driver) => {
  let hub: TestHub;
  let screenKey: string;

  beforeAll(async () => {
    hub = await startTestHub({ driver, modules: departmentsWithProbe, env: { HUB_ADMIN_SECRET: ADMIN_SECRET } });
    screenKey = (await createKey(hub, { name: '三墩大屏', role: 'SCREEN' })).key;
  });
  afterAll(() => hub?.close());

  /** Another client, asking an ordinary question at the same time, is answered. */
  const othersServed = async () => {
    const { status, data } = await hub.query('{ hubs(first: 3) { totalCount } }');
    expect(status).toBe(200);
    expect(data.hubs.totalCount).toBe(58);
  };

  it('refuses a query nested 20 deep on HTTP and over graphql-ws, and answers one nested 10 deep', async () => {
    const [refused] = await Promise.all([hub.query(nested(20)), othersServed()]);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/depth limit of 10 exceeded, found 2\d/i);

    const allowed = await hub.query(nested(9));
    expect(allowed.errors).toBeUndefined();
    expect(JSON.stringify(allowed.data)).toContain('"depth":9');

    const socket = new WsProbe(hub.wsUrl);
    await socket.init();
    socket.subscribe('1', nested(20));
    expect((await wsErrors(socket, '1'))[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/depth limit of 10/) });
    socket.subscribe('2', '{ hubs(first: 1) { totalCount } }');
    expect((await socket.firstResult('2')).payload).toEqual({ data: { hubs: { totalCount: 58 } } });
    socket.close();
  });

  it('refuses first: 10000, written in the query or passed as a variable, before anything runs', async () => {
    const literal = await hub.query(`{ ${HUB_PAGE(10000)} }`);
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 100, got 10000 (on hubs); page with "after" instead',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    const variable = await hub.query('query($n: Int!) { hubs(first: $n) { totalCount } }', { n: 10000 });
    expect(variable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0].message).toContain('got 10000 (on hubs)');
    await othersServed();

    const socket = new WsProbe(hub.wsUrl);
    await socket.init();
    socket.subscribe('1', 'query($n: Int!) { hubs(first: $n) { totalCount } }', { n: 10000 });
    expect((await wsErrors(socket, '1'))[0].message).toContain('got 10000 (on hubs)');
    socket.close();
  });

  it('weighs a list by its first: one page of 100 passes, four such pages in one query cost too much, four of 10 pass', async () => {
    expect((await hub.query(`{ ${HUB_PAGE(100)} }`)).errors).toBeUndefined();
    const fourPages = (first: number) => `{ ${[1, 2, 3, 4].map((i) => `p${i}: ${HUB_PAGE(first)}`).join(' ')} }`;
    const costly = await hub.query(fourPages(100));
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(costly.errors?.[0].message).toMatch(/Cost limit of 20000 exceeded, found \d+/);
    const cheap = await hub.query(fourPages(10));
    expect(cheap.errors).toBeUndefined();
    expect(cheap.data.p4.edges).toHaveLength(10);
  });

  it('refuses a 1 MB body with 413 and keeps serving', async () => {
    const big = JSON.stringify({ query: '{ hubs(first: 1) { totalCount } }', variables: { padding: 'x'.repeat(1024 * 1024) } });
    const [refused] = await Promise.all([postRaw(hub.url, big), othersServed()]);
    expect(refused.status).toBe(413);
    expect(refused.body.errors[0]).toEqual({ message: 'the request body is larger than 100 KB', extensions: { code: 'BAD_USER_INPUT' } });
    await othersServed();
  });

  it('closes a socket that sends a 1 MB message with 1009 and keeps serving', async () => {
    const socket = new WsProbe(hub.wsUrl);
    expect(await socket.init()).toBe('ack');
    socket.subscribe('1', '{ hubs(first: 1) { totalCount } }', { padding: 'x'.repeat(1024 * 1024) });
    expect((await socket.closed).code).toBe(1009);
    await othersServed();
  });

  it('bounds aliases, directives and tokens', async () => {
    const aliases = await hub.query(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: hubs(first: 1) { totalCount }`).join(' ')} }`);
    expect(aliases.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(aliases.errors?.[0].message).toMatch(/Aliases limit of 15 exceeded/);
    expect((await hub.query(`{ ${Array.from({ length: 15 }, (_, i) => `a${i}: hubs(first: 1) { totalCount }`).join(' ')} }`)).errors).toBeUndefined();

    const directives = await hub.query(`{ hubs(first: 1) { totalCount ${'@include(if: true) '.repeat(51)} } }`);
    expect(directives.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(directives.errors?.[0].message).toMatch(/Directives limit of 50 exceeded/);

    const tokens = await hub.query(`{ hubs(first: 1) { ${'totalCount '.repeat(2100)} } }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tokens.errors?.[0].message).toMatch(/more tha[nt] 2000 tokens/);
  });

  it('answers a batch of up to 10 operations and refuses a bigger one', async () => {
    const op = { query: '{ hubs(first: 1) { totalCount } }' };
    const ok = await postRaw(hub.url, JSON.stringify([op, op, op]));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([1, 2, 3].map(() => ({ data: { hubs: { totalCount: 58 } } })));
    const tooMany = await postRaw(hub.url, JSON.stringify(Array.from({ length: 11 }, () => op)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toEqual({ message: 'a batch holds at most 10 operations, this one has 11', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('runs 50 subscriptions on one socket and refuses the 10 beyond, while the socket and others go on', async () => {
    const socket = new WsProbe(hub.wsUrl);
    expect(await socket.init(bearer(screenKey))).toBe('ack');
    for (let i = 1; i <= 60; i++) socket.subscribe(String(i), 'subscription { probeTicks }');
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => socket.firstResult(String(i + 1))));
    const ticking = answers.filter((a) => a.type === 'next');
    const refused = answers.filter((a) => a.type === 'error');
    expect(ticking).toHaveLength(50);
    expect(refused).toHaveLength(10);
    expect(refused[0].payload[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', limit: 50 }, message: expect.stringContaining('already has 50 operations running') });

    const other = new WsProbe(hub.wsUrl);
    expect(await other.init(bearer(screenKey))).toBe('ack');
    other.subscribe('1', 'subscription { probeTicks }');
    expect((await other.firstResult('1')).payload).toEqual({ data: { probeTicks: 1 } });

    // Completing one makes room for another.
    const [first] = ticking;
    socket.send({ type: 'complete', id: first.id });
    await new Promise((r) => setTimeout(r, 100));
    socket.subscribe('61', 'subscription { probeTicks }');
    expect((await socket.firstResult('61')).payload).toEqual({ data: { probeTicks: 1 } });
    expect(socket.isOpen).toBe(true);
    socket.close();
    other.close();
  });

  it('closes a socket that does not send connection_init within 3 s with 4408', async () => {
    const socket = new WsProbe(hub.wsUrl);
    await socket.opening();
    const opened = Date.now();
    const { code } = await socket.closed;
    expect(code).toBe(4408);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(2_900);
    expect(Date.now() - opened).toBeLessThan(5_000);
  });
});

describeEachDriver('limits, set from the environment', (driver) => {
  let hub: TestHub;
  const keys: string[] = [];

  beforeAll(async () => {
    hub = await startTestHub({
      driver,
      seed: false,
      modules: departmentsWithProbe,
      env: {
        HUB_ADMIN_SECRET: ADMIN_SECRET,
        RATE_LIMIT_PER_SECOND: '5',
        RATE_LIMIT_BURST: '5',
        MAX_QUERY_DEPTH: '4',
        MAX_BODY_KB: '2',
        MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
        MAX_BATCH_OPERATIONS: '1',
        WS_INIT_TIMEOUT_MS: '500',
        INTROSPECTION: 'off',
      },
    });
    for (const name of ['古荡大屏', '北山大屏']) keys.push((await createKey(hub, { name, role: 'SCREEN' })).key);
  });
  afterAll(() => hub?.close());

  it('refuses a burst over the rate limit with 429 and RATE_LIMITED, while another key is served', async () => {
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 30 }, () => hub.query('{ probeScreen }', undefined, bearer(keys[0]))));
    const seconds = (Date.now() - started) / 1000;
    const served = burst.filter((r) => r.status === 200);
    const limited = burst.filter((r) => r.status === 429);
    // 5 a second (one window per second the burst lasted, on a busy machine more than one) and 5 of burst.
    expect(served.length).toBeGreaterThanOrEqual(5);
    expect(served.length).toBeLessThanOrEqual(5 * (Math.floor(seconds) + 1) + 5);
    expect(limited.length).toBe(30 - served.length);
    expect(limited[0].errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    expect(limited[0].errors?.[0].message).toMatch(/^too many requests: try again in \d+ s$/);

    const other = await hub.query('{ probeScreen }', undefined, bearer(keys[1]));
    expect(other.status).toBe(200);
    expect(other.data).toEqual({ probeScreen: 'SCREEN:北山大屏' });

    // Over a socket the same bucket applies, operation by operation.
    // Over a socket the same bucket applies, operation by operation: of 20 at once, 10 at most pass.
    const socket = new WsProbe(hub.wsUrl);
    expect(await socket.init(bearer(keys[0]))).toBe('ack');
    const ids = Array.from({ length: 20 }, (_, i) => String(i + 1));
    for (const id of ids) socket.subscribe(id, '{ probeScreen }');
    const results = await Promise.all(ids.map((id) => socket.firstResult(id)));
    const refused = results.filter((m) => m.type === 'error');
    expect(refused.length).toBeGreaterThanOrEqual(10);
    expect(refused[0].payload[0].extensions.code).toBe('RATE_LIMITED');
    expect(socket.isOpen).toBe(true);
    socket.close();

    // The sustained rate comes back within seconds.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await hub.query('{ probeScreen }', undefined, bearer(keys[0]))).status).toBe(200);
  });

  it('applies the configured depth, body size, subscriptions per socket, batching and init timeout', async () => {
    expect((await hub.query(nested(5))).errors?.[0].message).toMatch(/depth limit of 4 exceeded/);
    expect((await hub.query(nested(3))).errors).toBeUndefined();

    const body = await postRaw(hub.url, JSON.stringify({ query: `{ probeTree { depth } }`, variables: { pad: 'x'.repeat(3000) } }));
    expect(body.status).toBe(413);
    expect(body.body.errors[0].message).toBe('the request body is larger than 2 KB');

    const batch = await postRaw(hub.url, JSON.stringify([{ query: '{ probeTree { depth } }' }, { query: '{ probeTree { depth } }' }]));
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].message).toBe('this server takes one operation per request, this one has 2');

    await new Promise((r) => setTimeout(r, 1_100));
    const socket = new WsProbe(hub.wsUrl);
    expect(await socket.init(bearer(keys[1]))).toBe('ack');
    for (const id of ['1', '2', '3']) socket.subscribe(id, 'subscription { probeTicks }');
    expect((await socket.firstResult('2')).type).toBe('next');
    expect((await wsErrors(socket, '3'))[0].extensions).toEqual({ code: 'RATE_LIMITED', limit: 2 });
    socket.close();

    const idle = new WsProbe(hub.wsUrl);
    await idle.opening();
    const opened = Date.now();
    expect((await idle.closed).code).toBe(4408);
    expect(Date.now() - opened).toBeLessThan(1_500);
  });

  it('refuses introspection when it is off, on HTTP and over graphql-ws', async () => {
    const http = await hub.query('{ __schema { queryType { name } } }');
    expect(http.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(http.errors?.[0].message).toMatch(/introspection has been disabled/);
    const socket = new WsProbe(hub.wsUrl);
    await socket.init();
    socket.subscribe('1', '{ __type(name: "Hub") { name } }');
    expect((await wsErrors(socket, '1'))[0].message).toMatch(/introspection has been disabled/);
    socket.close();
    // Field suggestions would reveal the schema too.
    const typo = await hub.query('{ probeScren }');
    expect(typo.errors?.[0].message).toBe('Cannot query field "probeScren" on type "Query".');
  });

  it('limits anonymous callers by their address, and ignores X-Forwarded-For when no proxy is trusted', async () => {
    // Last in this block: it spends this address's burst for the next 10 s.
    const forged = await Promise.all(Array.from({ length: 20 }, (_, i) => hub.query('{ probeTree { depth } }', undefined, { 'x-forwarded-for': `10.0.0.${i}` })));
    expect(forged.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(8);
  });
});

describeEachDriver('rate limit behind a reverse proxy (TRUST_PROXY_HOPS=1)', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver, seed: false, modules: departmentsWithProbe, env: { RATE_LIMIT_PER_SECOND: '2', RATE_LIMIT_BURST: '2', TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => hub?.close());

  it('gives each address the proxy reports its own bucket, and believes only the entry the proxy wrote', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const first = await Promise.all(Array.from({ length: 10 }, () => hub.query('{ probeTree { depth } }', undefined, from('203.0.113.7'))));
    expect(first.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(4);
    // Another resident behind the same proxy is served.
    expect((await hub.query('{ probeTree { depth } }', undefined, from('198.51.100.23'))).status).toBe(200);
    // Prepending addresses does not buy a new bucket: the proxy's entry is the last one.
    const spoofed = await Promise.all(Array.from({ length: 5 }, (_, i) => hub.query('{ probeTree { depth } }', undefined, from(`10.9.9.${i}, 203.0.113.7`))));
    expect(spoofed.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(4);
  });
});
