import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { ADMIN_SECRET, bearer, createKey } from './helpers/credentials';
import { withSource } from '../../src/core/departments/department-module';
import { departmentsWithProbe } from './helpers/probe-department';
import { WsProbe } from './helpers/ws-probe';

const CREATE = 'mutation($input: ApiKeyInput!) { createApiKey(input: $input) { id key client { id name role department hubId createdAt revokedAt } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) }';
const AUDIT = 'query($first: Int, $after: String) { auditLog(first: $first, after: $after) { totalCount edges { node { id at clientId actor action residentHash detail } } pageInfo { hasNextPage endCursor } } }';
const admin = bearer(ADMIN_SECRET);

describeEachDriver('API keys', (driver) => {
  let hub: TestHub;
  let hubId: string;

  beforeAll(async () => {
    hub = await startTestHub({ driver, modules: departmentsWithProbe, env: { HUB_ADMIN_SECRET: ADMIN_SECRET } });
    hubId = (await hub.query('{ hubs(first: 1) { edges { node { id } } } }')).data.hubs.edges[0].node.id;
  });
  afterAll(() => hub?.close());

  it('creates a key shown once, which works at once and is stored only as a hash', async () => {
    const { data, errors } = await hub.query(CREATE, { input: { name: '三墩大屏', role: 'SCREEN' } }, admin);
    expect(errors).toBeUndefined();
    const { id, key, client } = data.createApiKey;
    expect(key).toMatch(/^xfh_[A-Za-z0-9_-]{43}$/);
    expect(client).toMatchObject({ id, name: '三墩大屏', role: 'SCREEN', department: null, hubId: null, revokedAt: null });

    expect((await hub.query('{ probeScreen }', undefined, bearer(key))).data).toEqual({ probeScreen: 'SCREEN:三墩大屏' });

    const rows = await hub.hub.services.sources.get('hub').query('SELECT key_prefix, key_hash FROM api_client WHERE id = ?', [Number(id)]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).not.toContain(key);
    expect(key.startsWith(rows[0].key_prefix)).toBe(true);
    expect(rows[0].key_prefix.length).toBeLessThan(16);
  });

  it('keeps keys out of every later answer and out of the logs', async () => {
    const screen = await createKey(hub, { name: '古荡大屏', role: 'SCREEN' });
    const terminal = await createKey(hub, { name: '长埭村食堂终端', role: 'CANTEEN_TERMINAL', hubId });
    await hub.query('{ probeScreen }', undefined, bearer(screen.key));
    await hub.query('{ probeCanteen }', undefined, bearer(terminal.key));
    await hub.query('{ probeFailure }', undefined, bearer(screen.key));
    const socket = new WsProbe(hub.wsUrl);
    await socket.init(bearer(terminal.key));
    socket.subscribe('1', '{ probeScreen }');
    await socket.firstResult('1');
    socket.close();
    await hub.query(REVOKE, { id: screen.id }, admin);
    await hub.query('{ probeScreen }', undefined, bearer(screen.key));

    const later = JSON.stringify([
      await hub.query('{ apiClients { id name role department hubId createdAt lastUsedAt revokedAt } }', undefined, admin),
      await hub.query(AUDIT, { first: 100 }, admin),
    ]);
    expect(later).toContain('古荡大屏');
    const logs = hub.logs.join('\n');
    const messages = hub.logs.map((line) => JSON.parse(line).msg).join('\n');
    // The log does tell what happened to the keys, without the keys.
    expect(messages).toContain(`API key created by admin secret: key ${screen.id} "古荡大屏", SCREEN`);
    expect(messages).toContain(`API key revoked by admin secret: key ${screen.id} "古荡大屏", SCREEN`);
    expect(logs).toMatch(/refused a credential from \S+: this API key has been revoked/);
    for (const { key } of [screen, terminal]) {
      const secretPart = key.slice(12);
      expect(later).not.toContain(secretPart);
      expect(logs).not.toContain(secretPart);
    }
    expect(logs).not.toContain(ADMIN_SECRET);
  });

  it('records when a key was last used', async () => {
    const { id, key } = await createKey(hub, { name: '北山大屏', role: 'SCREEN' });
    const before = Date.now();
    await hub.query('{ probeScreen }', undefined, bearer(key));
    await new Promise((r) => setTimeout(r, 200));
    const { data } = await hub.query('{ apiClients { id lastUsedAt } }', undefined, admin);
    const lastUsed = data.apiClients.find((c: any) => c.id === id).lastUsedAt;
    expect(new Date(lastUsed).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it.each([
    [{ name: '无部门', role: 'DEPARTMENT' }, 'input.department', new RegExp(`needs its department \\(one of ${withSource(departmentsWithProbe).map((d) => d.name).join(', ')}\\)`)],
    [{ name: '住保', role: 'DEPARTMENT', department: 'housing' }, 'input.department', /"housing" is not a department of this hub/],
    [{ name: '大屏', role: 'SCREEN', department: 'civil' }, 'input.department', /only DEPARTMENT keys belong to a department/],
    [{ name: '食堂终端', role: 'CANTEEN_TERMINAL' }, 'input.hubId', /needs the id of the hub/],
    [{ name: '食堂终端', role: 'CANTEEN_TERMINAL', hubId: '99999' }, 'input.hubId', /there is no hub 99999/],
    [{ name: '食堂终端', role: 'CANTEEN_TERMINAL', hubId: 'abc' }, 'input.hubId', /not a valid id/],
    [{ name: '大屏', role: 'SCREEN', hubId: '1' }, 'input.hubId', /only CANTEEN_TERMINAL keys belong to a hub/],
    [{ name: '   ', role: 'SCREEN' }, 'input.name', /a name of 1 to 100 characters/],
  ])('refuses a key that could not be used as asked: %j', async (input, argument, message) => {
    const before = (await hub.query('{ apiClients { id } }', undefined, admin)).data.apiClients.length;
    const { data, errors } = await hub.query(CREATE, { input }, admin);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(errors?.[0].message).toMatch(message);
    expect((await hub.query('{ apiClients { id } }', undefined, admin)).data.apiClients).toHaveLength(before);
  });

  it('lets only administrators manage keys', async () => {
    const screen = await createKey(hub, { name: '西溪大屏', role: 'SCREEN' });
    const asScreen = await hub.query(CREATE, { input: { name: 'x', role: 'ADMIN' } }, bearer(screen.key));
    expect(asScreen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await hub.query(REVOKE, { id: screen.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await hub.query('{ probeScreen }', undefined, bearer(screen.key))).data).toEqual({ probeScreen: 'SCREEN:西溪大屏' });

    // An ADMIN key made by the admin secret manages keys too.
    const adminKey = await createKey(hub, { name: '区民政局管理员', role: 'ADMIN' });
    expect((await hub.query(REVOKE, { id: screen.id }, bearer(adminKey.key))).data).toEqual({ revokeApiKey: true });
  });

  it('stops a revoked key at once: on HTTP, and closes its open sockets with 4403', async () => {
    const { id, key } = await createKey(hub, { name: '灵隐大屏', role: 'SCREEN' });
    const socket = new WsProbe(hub.wsUrl);
    expect(await socket.init(bearer(key))).toBe('ack');
    socket.subscribe('1', 'subscription { probeTicks }');
    expect((await socket.firstResult('1')).payload).toEqual({ data: { probeTicks: 1 } });
    const bystander = new WsProbe(hub.wsUrl);
    expect(await bystander.init(bearer((await createKey(hub, { name: '西湖大屏', role: 'SCREEN' })).key))).toBe('ack');
    expect((await hub.query('{ probeScreen }', undefined, bearer(key))).status).toBe(200);

    expect((await hub.query(REVOKE, { id }, admin)).data).toEqual({ revokeApiKey: true });

    const http = await hub.query('{ probeScreen }', undefined, bearer(key));
    expect(http.status).toBe(401);
    expect(http.errors?.[0]).toMatchObject({ message: 'this API key has been revoked', extensions: { code: 'UNAUTHENTICATED' } });
    // The screen's subscription ends with the socket, without waiting for another operation.
    expect(await socket.closed).toEqual({ code: 4403, reason: 'this API key has been revoked' });
    // Another screen's socket stays.
    bystander.subscribe('1', 'subscription { probeTicks }');
    expect((await bystander.firstResult('1')).payload).toEqual({ data: { probeTicks: 1 } });
    bystander.close();
    // A new socket with the revoked key is refused outright.
    expect(await new WsProbe(hub.wsUrl).init(bearer(key))).toBe(4403);
  });

  it('answers false for a key already revoked and NOT_FOUND for one that never was', async () => {
    const { id } = await createKey(hub, { name: '留下大屏', role: 'SCREEN' });
    expect((await hub.query(REVOKE, { id }, admin)).data).toEqual({ revokeApiKey: true });
    expect((await hub.query(REVOKE, { id }, admin)).data).toEqual({ revokeApiKey: false });
    const missing = await hub.query(REVOKE, { id: '99999' }, admin);
    expect(missing.errors?.[0]).toMatchObject({ message: 'API key 99999 does not exist', extensions: { code: 'NOT_FOUND' } });
  });

  it('writes every key change to the audit log, which administrators read newest first, a page at a time', async () => {
    const adminKey = await createKey(hub, { name: '审计管理员', role: 'ADMIN' });
    const made = await createKey(hub, { name: '蒋村门禁', role: 'DEPARTMENT', department: 'iot' });
    await hub.query(REVOKE, { id: made.id }, bearer(adminKey.key));

    const first = await hub.query(AUDIT, { first: 2 }, admin);
    expect(first.errors).toBeUndefined();
    const [revoked, created] = first.data.auditLog.edges.map((e: any) => e.node);
    expect(revoked).toMatchObject({ action: 'revokeApiKey', clientId: adminKey.id, actor: `client ${adminKey.id} (审计管理员)`, residentHash: null });
    expect(revoked.detail).toContain(`key ${made.id} "蒋村门禁"`);
    expect(created).toMatchObject({ action: 'createApiKey', clientId: null, actor: 'admin secret' });
    expect(created.detail).toBe(`key ${made.id} "蒋村门禁", DEPARTMENT, department iot`);
    expect(Number(revoked.id)).toBeGreaterThan(Number(created.id));

    const total = first.data.auditLog.totalCount;
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await hub.query(AUDIT, { first: 3, after }, admin);
      seen.push(...page.data.auditLog.edges.map((e: any) => e.node.id));
      if (!page.data.auditLog.pageInfo.hasNextPage) break;
      after = page.data.auditLog.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));

    const asScreen = await hub.query(AUDIT, {}, bearer((await createKey(hub, { name: '转塘大屏', role: 'SCREEN' })).key));
    expect(asScreen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
