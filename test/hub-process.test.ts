import { availableDrivers } from './helpers/drivers';
import { postGraphQL } from './helpers/graphql-request';
import { halfSentRequest } from './helpers/half-sent-request';
import { graphqlUrlOf, runHubProcess } from './helpers/hub-process';
import { createTestDatabases } from './helpers/test-databases';

const SOURCES = ['hub', 'civil', 'iot', 'health'];

const COUNT = '{ hubs(first: 100) { totalCount } }';

describe('the hub process (npm start)', () => {
  it('on an empty data directory migrates, seeds, serves, and stops cleanly on SIGTERM', async () => {
    const databases = await createTestDatabases('sqlite', SOURCES);
    try {
      const first = runHubProcess(databases.env);
      const url = await graphqlUrlOf(first);
      expect(first.stdout()).toMatch(/subscriptions\s+ws:\/\/127\.0\.0\.1:\d+\/graphql/);
      expect((await postGraphQL(url, COUNT)).data).toEqual({ hubs: { totalCount: 58 } });
      const health = await fetch(url.replace('/graphql', '/readyz'));
      expect(await health.json()).toEqual({ status: 'ready', sources: { hub: 'UP', civil: 'UP', iot: 'UP', health: 'UP', urban: 'UP' }, down: [], failingFeeds: [] });

      // A request in flight when SIGTERM arrives (its body half sent) still gets its answer.
      const inFlight = halfSentRequest(url, JSON.stringify({ query: '{ hubs(first: 100) { edges { node { id name } } } }' }));
      await new Promise((r) => setTimeout(r, 200));
      first.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      const answer = await inFlight.finish();
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).data.hubs.edges).toHaveLength(58);
      expect(await first.exited).toBe(0);

      // A second start finds the district and does not seed it again.
      const second = runHubProcess(databases.env);
      const again = await graphqlUrlOf(second);
      expect((await postGraphQL(again, COUNT)).data).toEqual({ hubs: { totalCount: 58 } });
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      await databases.drop();
    }
  });

  if (availableDrivers().includes('mysql')) {
    it('with every *_DB_URL on MySQL creates the databases and tables and answers the same', async () => {
      const databases = await createTestDatabases('mysql', SOURCES);
      try {
        const hub = runHubProcess(databases.env);
        const url = await graphqlUrlOf(hub);
        expect(hub.stdout()).toMatch(/civil source\s+mysql:\/\//);
        expect((await postGraphQL(url, COUNT)).data).toEqual({ hubs: { totalCount: 58 } });
        hub.child.kill('SIGTERM');
        expect(await hub.exited).toBe(0);
      } finally {
        await databases.drop();
      }
    });
  }

  it.each([
    ['CIVIL_DB_URL', 'postgres://hub@db/civil', 'xingfu-hub cannot start: CIVIL_DB_URL: unsupported scheme "postgres:" (use mysql:// or leave unset)'],
    ['PORT', '-1', 'xingfu-hub cannot start: PORT: -1 is outside 0..65535'],
  ])('with a bad %s exits 1 with one line and no stack trace', async (variable, value, line) => {
    const hub = runHubProcess({ DATA_DIR: '/nonexistent', [variable]: value });
    expect(await hub.exited).toBe(1);
    expect(hub.stderr()).toBe(`${line}\n`);
  });

  it('with an unreachable MySQL source exits 1 naming the source, without its password', async () => {
    const hub = runHubProcess({ DATA_DIR: '/tmp/xh-unreachable', HUB_DB_URL: 'mysql://root:pa55word-secret@127.0.0.1:1/hub' });
    expect(await hub.exited).toBe(1);
    expect(hub.stderr().trim().split('\n')).toHaveLength(1);
    expect(hub.stderr()).toMatch(/^xingfu-hub cannot start: hub source \(mysql:\/\/root@127\.0\.0\.1:1\/hub\): .*ECONNREFUSED/);
    expect(hub.stderr()).not.toContain('pa55word');
  });

  it('with a REDIS_URL where no Redis answers exits 1 in one line naming it, without its password', async () => {
    const databases = await createTestDatabases('sqlite', SOURCES);
    try {
      const hub = runHubProcess({ ...databases.env, REDIS_URL: 'redis://:pa55word-secret@127.0.0.1:1' });
      expect(await hub.exited).toBe(1);
      expect(hub.stderr()).toBe('xingfu-hub cannot start: REDIS_URL: no Redis answers at redis://:***@127.0.0.1:1 (connect ECONNREFUSED 127.0.0.1:1)\n');
    } finally {
      await databases.drop();
    }
  });
});
