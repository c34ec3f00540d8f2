import type { RunningHub } from '../src/app';
import { addDays, startOfLocalDay } from '../src/core/time/local-time';
import { FootfallReading } from '../src/departments/iot/footfall/footfall-reading.entity';
import { WsProbe } from './auth/helpers/ws-probe';
import { describeEachDriver } from './helpers/drivers';
import { postGraphQL } from './helpers/graphql-request';
import { halfSentRequest } from './helpers/half-sent-request';
import { graphqlUrlOf, runHubProcess } from './helpers/hub-process';
import type { TestDatabases } from './helpers/test-databases';
import { sharedDatabases, startInstance } from './live/shared-hubs';

const ADMIN_SECRET = 'graceful-stop-admin-secret';
const HUBS = '{ hubs(first: 100) { edges { node { id name facilities { name } live { footfallToday } } } } }';


describeEachDriver('SIGTERM under load', (driver) => {
  let databases: TestDatabases;
  beforeAll(async () => {
    databases = await sharedDatabases(driver);
  });
  afterAll(() => databases?.drop());

  it('answers the requests in flight, closes sockets with 1001, keeps the feeds whole and exits 0 within 10 s', async () => {
    // The simulator writes every tick and the feeds poll often: a feed pass is likely running at the signal.
    const hub = runHubProcess({ ...databases.env, HUB_ADMIN_SECRET: ADMIN_SECRET, SIMULATOR: 'on', FEED_POLL_MS: '100', LIVE_PUSH_INTERVAL_MS: '100' });
    const url = await graphqlUrlOf(hub);

    const screens = Array.from({ length: 4 }, () => new WsProbe(url.replace(/^http/, 'ws')));
    for (const [i, screen] of screens.entries()) {
      expect(await screen.init({ authorization: `Bearer ${ADMIN_SECRET}` })).toBe('ack');
      screen.subscribe('1', i % 2 ? 'subscription { districtOverview { footfallToday } }' : 'subscription { hubMetrics { hubId footfallToday } }');
      await screen.firstResult('1');
    }
    const inFlight = Array.from({ length: 5 }, () => halfSentRequest(url, JSON.stringify({ query: HUBS })));
    // Queries keep coming until the signal.
    let loading = true;
    const load = (async () => {
      while (loading) await postGraphQL(url, '{ districtOverview { hubs } }', undefined, { authorization: `Bearer ${ADMIN_SECRET}` }).catch(() => undefined);
    })();
    await new Promise((r) => setTimeout(r, 500));

    const signalled = Date.now();
    hub.child.kill('SIGTERM');
    loading = false;
    await new Promise((r) => setTimeout(r, 300));
    const answers = await Promise.all(inFlight.map((request) => request.finish()));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).data.hubs.edges).toHaveLength(58);
    }
    for (const screen of screens) expect(await screen.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    expect(await hub.exited).toBe(0);
    const stoppedMs = Date.now() - signalled;
    expect(stoppedMs).toBeLessThan(10_000);
    await load;
    expect(hub.stderr()).toMatch(/"msg":"stopped in \d+\.\d s"/);
    expect(hub.stderr()).not.toMatch(/"level":"(error|warn)"/);

    // Whatever the feeds were doing, they committed or rolled back whole: started again, the hub's
    // footfall equals a recount of the door counters' rows.
    let again: RunningHub | undefined;
    try {
      again = await startInstance(databases, { SIMULATOR: 'off', DEMO_SEED: 'off', HUB_ADMIN_SECRET: ADMIN_SECRET });
      const from = startOfLocalDay(new Date());
      const [row] = await again.services.sources
        .get('iot')
        .getRepository(FootfallReading)
        .createQueryBuilder('r')
        .select('COALESCE(SUM(r.entered), 0)', 'n')
        .where('r.at >= :from AND r.at < :to', { from, to: addDays(from, 1) })
        .getRawMany<{ n: string | number }>();
      const recount = Number(row.n);
      const overview = async () =>
        (await postGraphQL(`http://127.0.0.1:${again!.port}/graphql`, '{ districtOverview { footfallToday } }', undefined, { authorization: `Bearer ${ADMIN_SECRET}` })).data
          .districtOverview.footfallToday;
      for (let i = 0; i < 100 && (await overview()) !== recount; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await overview()).toBe(recount);
    } finally {
      await again?.close();
    }
  });
});
