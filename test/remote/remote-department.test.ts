import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiRole } from '../../src/core/auth/api-role';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor } from '../live/live-helpers';
import { eventually } from '../outage/relayed-hub';
import { startCultureService, type CultureService } from './culture-service';

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

type Response = Awaited<ReturnType<TestHub['query']>>;

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
});
