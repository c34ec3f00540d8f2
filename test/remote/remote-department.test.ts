import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, printSchema } from 'graphql';
import { ApiRole } from '../../src/core/auth/api-role';
import { REMOTE_DEPARTMENTS } from '../../src/core/remote/remote-departments';
import { departments } from '../../src/departments';
import { schemaOf } from '../../src/schema-of';
import { describeEachDriver } from '../helpers/drivers';
import type { GraphQLResponse } from '../helpers/graphql-request';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { HUB_METRICS, keyFor, screenClient, subscribe } from '../live/live-helpers';
import { eventually } from '../outage/relayed-hub';
import { startCultureService, type CultureService } from './culture-service';

const { stitchingDirectivesTypeDefs } = stitchingDirectives();
const HUB_CREDENTIAL = 'Bearer hub-credential-at-culture-0123456789';

const JOINED = /* GraphQL */ `
  query Joined {
    hubs(first: 3) { edges { node { id name cultureEvents { title } } } }
  }
`;

const MIXED = /* GraphQL */ `
  query Mixed {
    hubs(first: 2) { edges { node { id name cultureEvents { title } } } }
    cultureEvents { title }
    districtOverview { hubs }
    departments { name title status downSince lastError }
  }
`;

type Response = GraphQLResponse<any>;

function errorsAt(response: Response, field: string) {
  return (response.errors ?? []).filter((e) => e.path?.includes(field));
}

describeEachDriver('a remote culture department (its own GraphQL service, stitched in)', (driver) => {
  let culture: CultureService;
  let hub: TestHub;
  let dataDir: string;
  let admin: Record<string, string>;
  let screen: Record<string, string>;
  let department: Record<string, string>;

  const envFor = (url: string) => ({
    REMOTE_DEPARTMENTS: `culture=${url}`,
    CULTURE_REMOTE_AUTHORIZATION: HUB_CREDENTIAL,
    CULTURE_REMOTE_ROLES: 'SCREEN,ADMIN',
    CULTURE_REMOTE_TITLE: '文旅局',
    REMOTE_REFRESH_MS: '300',
    DB_CHECK_MS: '100',
    DB_PROBE_MIN_MS: '100',
    DB_PROBE_MAX_MS: '200',
    DB_QUERY_TIMEOUT_MS: '2000',
    DATA_DIR: dataDir,
  });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-remote-'));
    culture = await startCultureService();
    hub = await startTestHub({ driver, env: envFor(culture.url) });
    admin = { authorization: `Bearer ${await keyFor(hub.hub, ApiRole.ADMIN)}` };
    screen = { authorization: `Bearer ${await keyFor(hub.hub, ApiRole.SCREEN)}` };
    department = { authorization: `Bearer ${await keyFor(hub.hub, ApiRole.DEPARTMENT, { department: 'iot' })}` };
  });
  afterAll(async () => {
    await hub?.close();
    await culture?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("joins the remote's Hub fields to the hub's own, for the roles it allows", async () => {
    const response = await hub.query(JOINED, {}, screen);
    expect(response.errors).toBeUndefined();
    const nodes = response.data.hubs.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.name).toEqual(expect.any(String));
      expect(node.cultureEvents).toEqual([{ title: `文化家园 读书会 #${node.id}` }]);
    }
    const own = await hub.query('{ cultureEvents { title } }', {}, admin);
    expect(own.errors).toBeUndefined();
    expect(own.data.cultureEvents.length).toBeGreaterThan(0);
  });

  it('refuses callers below its roles with the hub’s codes, and never calls the remote for them', async () => {
    const before = culture.requests.length;
    const anonymous = await hub.query(JOINED);
    expect(anonymous.data.hubs.edges[0].node.name).toEqual(expect.any(String));
    expect(anonymous.data.hubs.edges[0].node.cultureEvents).toBeNull();
    expect(errorsAt(anonymous, 'cultureEvents')[0].extensions?.code).toBe('UNAUTHENTICATED');
    const wrongRole = await hub.query('{ cultureEvents { title } }', {}, department);
    expect(wrongRole.data.cultureEvents).toBeNull();
    expect(wrongRole.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(wrongRole.errors?.[0].message).toContain('culture');
    expect(culture.requests.length).toBe(before);
  });

  it("sends the hub's own credential and the caller's role, never the caller's key", async () => {
    culture.requests.length = 0;
    await hub.query(JOINED, {}, screen);
    expect(culture.requests.length).toBeGreaterThan(0);
    for (const seen of culture.requests) {
      expect(seen.authorization).toBe(HUB_CREDENTIAL);
      expect(seen.callerRole).toBe('SCREEN');
      expect(JSON.stringify(seen.headers)).not.toContain(screen.authorization.slice('Bearer '.length));
    }
    expect(culture.all.every((r) => r.authorization === HUB_CREDENTIAL)).toBe(true);
  });

  it("completes the remote's hubs from the hub's own fields", async () => {
    const response = await hub.query('{ cultureEvents(first: 1) { title hub { id name street } } }', {}, admin);
    expect(response.errors).toBeUndefined();
    const [event] = response.data.cultureEvents;
    expect(event.hub.name).toEqual(expect.any(String));
    expect(event.hub.street).toEqual(expect.any(String));
  });

  it("keeps the remote's internals (_sdl, merge queries) out of the hub's schema", async () => {
    const response = await hub.query('{ __schema { queryType { fields { name } } } }', {}, admin);
    const names = response.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    expect(names).toContain('cultureEvents');
    expect(names).toContain('hubs');
    expect(names.filter((n: string) => n.startsWith('_'))).toEqual([]);
  });

  it("runs an operation that reads no remote field on the hub's own schema, the others (and introspection) on the stitched one", async () => {
    const remotes = hub.hub.services.registry.get(REMOTE_DEPARTMENTS);
    const own = await schemaOf(departments);
    const local = remotes.forDocument(parse('{ hubs(first: 1) { totalCount } }'));
    expect(local).not.toBe(remotes.current());
    expect(printSchema(local)).toBe(printSchema(own));
    expect(remotes.forDocument(parse('{ hub(id: 1) { name cultureEvents { title } } }'))).toBe(remotes.current());
    expect(remotes.forDocument(parse('{ __schema { queryType { name } } }'))).toBe(remotes.current());
  });

  it('refuses an over-deep or over-costly query through remote fields before the remote is called', async () => {
    const before = culture.requests.length;
    const deep = await hub.query(
      '{ cultureEvents { hub { cultureEvents { hub { cultureEvents { hub { cultureEvents { hub { cultureEvents { hub { cultureEvents { title } } } } } } } } } } } }',
      {},
      admin,
    );
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0].message).toMatch(/depth/i);
    const costly = await hub.query('{ cultureEvents(first: 100) { hub { cultureEvents(first: 100) { hub { cultureEvents(first: 100) { title startsAt hubId } } } } } }', {}, admin);
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(costly.errors?.[0].message).toMatch(/cost/i);
    expect(culture.requests.length).toBe(before);
  });

  it('answers null with DEPARTMENT_UNAVAILABLE on its fields while it is down, everything else answers; up again, it answers', async () => {
    await culture.stop();
    await eventually('culture is down', () => !hub.hub.services.sources.isUp('culture'));
    const down = await hub.query(MIXED, {}, admin);
    expect(down.status).toBe(200);
    const nodes = down.data.hubs.edges.map((e: { node: { name: string; cultureEvents: unknown } }) => e.node);
    expect(nodes).toHaveLength(2);
    for (const node of nodes) {
      expect(node.name).toEqual(expect.any(String));
      expect(node.cultureEvents).toBeNull();
    }
    expect(down.data.cultureEvents).toBeNull();
    expect(down.data.districtOverview.hubs).toBeGreaterThan(0);
    const unavailable = [...errorsAt(down, 'cultureEvents')];
    expect(unavailable.length).toBeGreaterThanOrEqual(3);
    for (const error of unavailable) expect(error.extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'culture' });
    expect(down.errors?.filter((e) => !e.path?.includes('cultureEvents'))).toEqual([]);
    const status = down.data.departments.find((d: { name: string }) => d.name === 'culture');
    expect(status).toMatchObject({ name: 'culture', title: '文旅局', status: 'DOWN', lastError: expect.stringContaining('culture') });
    expect(Date.parse(status.downSince)).toBeLessThanOrEqual(Date.now());
    expect(down.data.departments.find((d: { name: string }) => d.name === 'civil').status).toBe('UP');
    const ready = await fetch(hub.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body.sources.culture).toBe('DOWN');
    expect(body.down.map((d: { source: string }) => d.source)).toEqual(['culture']);
    const metrics = await (await fetch(`${hub.hub.origin}/metrics`)).text();
    expect(metrics).toContain('xingfu_hub_source_up{source="culture"} 0');
    expect(metrics).toContain('xingfu_hub_source_up{source="civil"} 1');

    await culture.start();
    await eventually('culture is up', () => hub.hub.services.sources.isUp('culture'));
    const up = await hub.query(MIXED, {}, admin);
    expect(up.errors).toBeUndefined();
    expect(up.data.hubs.edges[0].node.cultureEvents.length).toBeGreaterThan(0);
    expect(up.data.departments.find((d: { name: string }) => d.name === 'culture').status).toBe('UP');
    expect((await fetch(hub.url.replace('/graphql', '/readyz'))).status).toBe(200);
  });

  it('joins a field the remote adds to its schema, without a restart', async () => {
    const before = await hub.query('{ hub(id: 1) { name cultureScore } }', {}, admin);
    expect(before.errors?.[0].message).toContain('cultureScore');
    culture.addCultureScore();
    await eventually('cultureScore joins', async () => (await hub.query('{ hub(id: 1) { cultureScore } }', {}, admin)).errors === undefined);
    const after = await hub.query('{ hub(id: 1) { name cultureScore } }', {}, admin);
    expect(after.data.hub).toEqual({ name: expect.any(String), cultureScore: 10 });
  });

  it('serves the same stitched schema over graphql-ws, new fields included, and its subscriptions still run', async () => {
    const key = admin.authorization.slice('Bearer '.length);
    const client = screenClient(hub.wsUrl, key);
    try {
      const query = subscribe(client, '{ hub(id: 1) { name cultureScore cultureEvents { title } } }', {}, 'hub');
      expect(await query.until(() => true)).toEqual({ name: expect.any(String), cultureScore: 10, cultureEvents: [{ title: '文化家园 读书会 #1' }] });
      const metrics = subscribe(client, HUB_METRICS, { hubIds: ['1'] }, 'hubMetrics');
      expect(await metrics.until(() => true)).toMatchObject({ hubId: '1', crowdLevel: expect.any(String) });
      metrics.stop();
    } finally {
      await client.dispose();
    }
  });

  it('never writes its credential to the log', () => {
    expect(hub.logs.join('\n')).not.toContain(HUB_CREDENTIAL.slice('Bearer '.length));
  });

  it('keeps the last good schema when the remote starts serving an SDL that conflicts, and stays DOWN with the reason if it comes back with one', async () => {
    const conflicting = `${stitchingDirectivesTypeDefs} type Query { hubs: [String] _sdl: String! }`;
    culture.claimSdl(conflicting);
    await eventually('the conflict is logged', () => hub.logs.some((l) => l.includes("redefines the hub's Query.hubs")));
    const still = await hub.query('{ hub(id: 1) { name cultureScore } }', {}, admin);
    expect(still.errors).toBeUndefined();
    expect(still.data.hub.cultureScore).toBe(10);

    await culture.stop();
    await eventually('culture is down', () => !hub.hub.services.sources.isUp('culture'));
    await culture.start();
    await eventually('culture says why it stays down', () => (hub.hub.services.sources.health('culture').lastError ?? '').includes("redefines the hub's Query.hubs"));
    const departments = await hub.query('{ departments { name status lastError } }', {}, admin);
    expect(departments.data.departments).toContainEqual({ name: 'culture', status: 'DOWN', lastError: expect.stringContaining("redefines the hub's Query.hubs") });

    culture.claimSdl(undefined);
    await eventually('culture is up', () => hub.hub.services.sources.isUp('culture'));
    expect((await hub.query('{ hub(id: 1) { cultureScore } }', {}, admin)).data.hub.cultureScore).toBe(10);
  });

  it("restarted while the remote is down, keeps the remote's fields from the DATA_DIR cache; they answer once it is back", async () => {
    await culture.stop();
    await hub.close();
    hub = await startTestHub({ driver, env: envFor(culture.url) });
    admin = { authorization: `Bearer ${await keyFor(hub.hub, ApiRole.ADMIN)}` };
    const down = await hub.query('{ hub(id: 1) { name cultureScore cultureEvents { title } } }', {}, admin);
    expect(down.status).toBe(200);
    expect(down.data.hub).toEqual({ name: expect.any(String), cultureScore: null, cultureEvents: null });
    expect(errorsAt(down, 'cultureEvents')[0].extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'culture' });

    await culture.start();
    await eventually('culture is up', () => hub.hub.services.sources.isUp('culture'));
    const up = await hub.query('{ hub(id: 1) { name cultureScore cultureEvents { title } } }', {}, admin);
    expect(up.errors).toBeUndefined();
    expect(up.data.hub.cultureEvents).toEqual([{ title: '文化家园 读书会 #1' }]);
  });
});

describeEachDriver('a remote department first seen after the hub started, with the default roles', (driver) => {
  let culture: CultureService;
  let hub: TestHub;

  beforeAll(async () => {
    culture = await startCultureService();
    await culture.stop();
    hub = await startTestHub({ driver, env: { REMOTE_DEPARTMENTS: `culture=${culture.url}`, REMOTE_REFRESH_MS: '300', DB_CHECK_MS: '100', DB_PROBE_MIN_MS: '100', DB_PROBE_MAX_MS: '200' } });
  });
  afterAll(async () => {
    await hub?.close();
    await culture?.stop();
  });

  it('starts without its fields, shows it DOWN, and joins it when it answers; only ADMIN reads it', async () => {
    const admin = { authorization: `Bearer ${await keyFor(hub.hub, ApiRole.ADMIN)}` };
    const screen = { authorization: `Bearer ${await keyFor(hub.hub, ApiRole.SCREEN)}` };
    const before = await hub.query('{ hub(id: 1) { name cultureEvents { title } } departments { name status } }', {}, admin);
    expect(before.status).toBe(400);
    expect(before.errors?.[0].message).toContain('cultureEvents');
    const departments = await hub.query('{ departments { name status } }', {}, admin);
    expect(departments.data.departments).toContainEqual({ name: 'culture', status: 'DOWN' });

    await culture.start();
    await eventually('culture joins', async () => (await hub.query('{ hub(id: 1) { cultureEvents { title } } }', {}, admin)).errors === undefined);
    const joined = await hub.query('{ hub(id: 1) { name cultureEvents { title } } }', {}, admin);
    expect(joined.data.hub.cultureEvents).toEqual([{ title: '文化家园 读书会 #1' }]);
    const refused = await hub.query('{ hub(id: 1) { name cultureEvents { title } } }', {}, screen);
    expect(refused.data.hub).toEqual({ name: joined.data.hub.name, cultureEvents: null });
    expect(refused.errors?.[0]).toMatchObject({ path: ['hub', 'cultureEvents'], extensions: { code: 'FORBIDDEN' } });
    expect(refused.errors?.[0].message).toContain('ADMIN');
  });
});

describeEachDriver('the rate limit in front of a remote department', (driver) => {
  let culture: CultureService;
  let hub: TestHub;

  beforeAll(async () => {
    culture = await startCultureService();
    hub = await startTestHub({ driver, env: { REMOTE_DEPARTMENTS: `culture=${culture.url}`, RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '2' } });
  });
  afterAll(async () => {
    await hub?.close();
    await culture?.stop();
  });

  it('refuses operations over the caller’s budget before the remote is called', async () => {
    const admin = { authorization: `Bearer ${await keyFor(hub.hub, ApiRole.ADMIN)}` };
    culture.requests.length = 0;
    const answers: Response[] = [];
    for (let i = 0; i < 8; i++) answers.push(await hub.query('{ cultureEvents { title } }', {}, admin));
    const answered = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(answered.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length + refused.length).toBe(8);
    for (const a of refused) expect(a.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    for (const a of answered) expect(a.data.cultureEvents.length).toBeGreaterThan(0);
    expect(culture.requests.length).toBe(answered.length);
  });
});
