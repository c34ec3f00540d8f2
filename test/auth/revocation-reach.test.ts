import type { RunningHub } from '../../src/app';
import { describeEachDriver, testRedisUrl } from '../helpers/drivers';
import { postGraphQL } from '../helpers/graphql-request';
import type { TestDatabases } from '../helpers/test-databases';
import { sharedDatabases, startInstance } from '../live/shared-hubs';
import { ADMIN_SECRET, bearer } from './helpers/credentials';
import { WsProbe } from './helpers/ws-probe';

const CREATE = `mutation { createApiKey(input: { name: "三墩大屏", role: SCREEN }) { id key } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) }`;
const graphqlUrl = (hub: RunningHub) => `http://127.0.0.1:${hub.port}/graphql`;

/** Revokes on instance A a key whose socket is open on instance B; resolves with B's close and how long it took. */
async function revokeAcross(a: RunningHub, b: RunningHub): Promise<{ closed: unknown; ms: number }> {
  const created = await postGraphQL(graphqlUrl(a), CREATE, undefined, bearer(ADMIN_SECRET));
  const { id, key } = created.data.createApiKey;
  const socket = new WsProbe(graphqlUrl(b).replace(/^http/, 'ws'));
  expect(await socket.init(bearer(key))).toBe('ack');
  socket.subscribe('1', 'subscription { districtOverview { hubs } }');
  await socket.firstResult('1');

  expect((await postGraphQL(graphqlUrl(a), REVOKE, { id }, bearer(ADMIN_SECRET))).data).toEqual({ revokeApiKey: true });
  const revokedAt = Date.now();
  const closed = await Promise.race([socket.closed, new Promise<'still open after 3 s'>((resolve) => setTimeout(() => resolve('still open after 3 s'), 3_000))]);
  return { closed, ms: Date.now() - revokedAt };
}

describeEachDriver('a key revoked on one instance', (driver) => {
  const redis = testRedisUrl();
  const cases: [string, Record<string, string> | undefined][] = [
    ['without Redis', {}],
    ['with Redis', redis ? { REDIS_URL: redis, REDIS_PREFIX: `xh-test-revoke-${process.pid}-${Date.now()}:` } : undefined],
  ];
  for (const [title, env] of cases) {
    (env ? it : it.skip)(`${title}: closes its sockets on another instance within 2 s`, async () => {
      let databases: TestDatabases | undefined;
      const running: RunningHub[] = [];
      try {
        databases = await sharedDatabases(driver);
        const settings = { HUB_ADMIN_SECRET: ADMIN_SECRET, ...env };
        running.push(await startInstance(databases, settings));
        running.push(await startInstance(databases, { ...settings, DEMO_SEED: 'off' }));
        const { closed, ms } = await revokeAcross(running[0], running[1]);
        expect(closed).toEqual({ code: 4403, reason: 'this API key has been revoked' });
        expect(ms).toBeLessThan(2_000);
      } finally {
        for (const hub of running) await hub.close();
        await databases?.drop();
      }
    });
  }
});
