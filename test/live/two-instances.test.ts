import type { RunningHub } from '../../src/app';
import { HUB_SOURCE } from '../../src/config';
import { ApiRole } from '../../src/core/auth/api-role';
import { insertInBatches } from '../../src/core/seeding/insert-in-batches';
import { FOOTFALL_FEED } from '../../src/departments/iot/feeds/footfall-feed';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { MysqlLeases } from '../../src/live/leases/mysql-leases';
import { postGraphQL } from '../helpers/graphql-request';
import { graphqlUrlOf, runHubProcess } from '../helpers/hub-process';
import { availableDrivers, testRedisUrl } from '../helpers/drivers';
import { startPrivateRedis, type PrivateRedis } from '../helpers/private-redis';
import type { TestDatabases } from '../helpers/test-databases';
import { HUB_METRICS, keyFor, liveOf, newSensor, readingsToday, screenClient, subscribe, footfallTodayInIot, metricsOf } from './live-helpers';
import { sharedDatabases, startInstance } from './shared-hubs';

const RECORD = `mutation R($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted duplicates } }`;
const mysql = availableDrivers().includes('mysql');
const redis = testRedisUrl();

(mysql && redis ? describe : describe.skip)('two instances over one MariaDB and one Redis', () => {
  let databases: TestDatabases;
  let a: RunningHub | undefined;
  let b: RunningHub | undefined;
  beforeAll(async () => {
    databases = await sharedDatabases('mysql');
    const env = { REDIS_URL: redis!, REDIS_PREFIX: `xh-test-${process.pid}-${Date.now()}:`, FEED_LEASE_MS: '2000' };
    a = await startInstance(databases, env);
    await liveOf(a).drain();
    b = await startInstance(databases, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await databases?.drop();
  });

  it('each feed runs on one instance; a screen on B sees what is ingested on A; when A dies B takes over and counts stay exact', async () => {
    const hubId = 40;
    const runnerA = liveOf(a!).runnerOf(FOOTFALL_FEED)!;
    const runnerB = liveOf(b!).runnerOf(FOOTFALL_FEED)!;
    expect({ a: runnerA.holdsLease, b: runnerB.holdsLease }).toEqual({ a: true, b: false });

    const screenKey = await keyFor(b!, ApiRole.SCREEN);
    const iotKey = await keyFor(a!, ApiRole.DEPARTMENT, { department: 'iot' });
    const client = screenClient(`ws://127.0.0.1:${b!.port}/graphql`, screenKey);
    const sub = subscribe<any>(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics');
    const record = (rows: ReturnType<typeof readingsToday>) =>
      postGraphQL(`${a!.origin.replace('localhost', '127.0.0.1')}/graphql`, RECORD, {
        readings: rows.map((r) => ({ sensorId: String(r.sensorId), at: r.at.toISOString(), entered: r.entered, exited: r.exited })),
      }, { authorization: `Bearer ${iotKey}` });
    try {
      const initial = await sub.until(() => true);
      expect(initial.footfallToday).toBe(await footfallTodayInIot(a!, hubId));

      const sensorId = await newSensor(a!, hubId);
      const rows = readingsToday(sensorId, hubId, 800);
      const first = await record(rows.slice(0, 300));
      expect(first.data.recordFootfall).toEqual({ accepted: 300, duplicates: 0 });
      const afterFirst = await footfallTodayInIot(a!, hubId);
      await sub.until((m) => m.footfallToday === afterFirst, 2_000);

      // A's feed holder dies without a word: its lease is left to expire.
      await liveOf(a!).stop({ release: false });
      const second = await record(rows.slice(300, 600));
      expect(second.data.recordFootfall).toEqual({ accepted: 300, duplicates: 0 });
      await insertInBatches(a!.services.sources.get('iot'), FootfallReading, rows.slice(600));
      const truth = await footfallTodayInIot(a!, hubId);
      await sub.until((m) => m.footfallToday === truth, 10_000);
      expect(runnerB.holdsLease).toBe(true);

      // Exact on B, in its state, its rollups and its queries.
      await liveOf(b!).drain();
      expect(metricsOf(liveOf(b!), hubId).footfallToday).toBe(truth);
      const { data } = await postGraphQL(`http://127.0.0.1:${b!.port}/graphql`, `{ hub(id: "${hubId}") { live { footfallToday } } }`);
      expect(data.hub.live.footfallToday).toBe(truth);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(sub.messages.at(-1).footfallToday).toBe(truth);
    } finally {
      sub.stop();
      await client.dispose();
    }
  });
});

(mysql && redis ? describe : describe.skip)('two instances through a Redis outage', () => {
  let databases: TestDatabases;
  let redisServer: PrivateRedis;
  let a: RunningHub | undefined;
  let b: RunningHub | undefined;
  const logsA: string[] = [];
  beforeAll(async () => {
    databases = await sharedDatabases('mysql');
    redisServer = await startPrivateRedis();
    const env = { REDIS_URL: redisServer.url, FEED_LEASE_MS: '1500' };
    a = await startInstance(databases, env, logsA);
    await liveOf(a).drain();
    b = await startInstance(databases, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redisServer?.kill();
    await databases?.drop();
  });

  it('no feed runs while Redis is away; when it is back, what the counters wrote meanwhile reaches the screens, counted once', async () => {
    const hubId = 42;
    const client = screenClient(`ws://127.0.0.1:${b!.port}/graphql`, await keyFor(b!, ApiRole.SCREEN));
    const sub = subscribe<any>(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics');
    try {
      const before = await footfallTodayInIot(a!, hubId);
      await sub.until((m) => m.footfallToday === before);

      await redisServer.kill();
      // The holder cannot renew its lease, and says so; nobody can take it.
      const outage = () => logsA.filter((l) => l.includes('live events: Redis does not answer'));
      for (let i = 0; i < 100 && !(logsA.some((l) => l.includes('lease lost')) && outage().length > 0); i++) await new Promise((r) => setTimeout(r, 100));
      // Reconnection attempts go on meanwhile: the outage is one line.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(outage()).toHaveLength(1);
      expect(logsA.some((l) => l.includes('feed iot.footfall_reading: lease lost'))).toBe(true);

      const sensorId = await newSensor(a!, hubId);
      const rows = readingsToday(sensorId, hubId, 300);
      await insertInBatches(a!.services.sources.get('iot'), FootfallReading, rows);
      const truth = await footfallTodayInIot(a!, hubId);
      expect(truth).toBeGreaterThan(before);
      // Both instances go on answering queries while Redis is away.
      const { data } = await postGraphQL(`http://127.0.0.1:${b!.port}/graphql`, `{ hub(id: "${hubId}") { name } }`);
      expect(data.hub.name).toBeTruthy();

      await redisServer.restart();
      await sub.until((m) => m.footfallToday === truth, 15_000);
      const holders = [a!, b!].filter((h) => liveOf(h).runnerOf(FOOTFALL_FEED)!.holdsLease);
      expect(holders).toHaveLength(1);
      await liveOf(holders[0]).drain();
      expect(metricsOf(liveOf(holders[0]), hubId).footfallToday).toBe(truth);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(sub.messages.at(-1).footfallToday).toBe(truth);
    } finally {
      sub.stop();
      await client.dispose();
    }
  });
});

(mysql && redis ? describe : describe.skip)('two processes: the feed holder is killed (SIGKILL)', () => {
  let databases: TestDatabases;
  let b: RunningHub | undefined;
  let a: ReturnType<typeof runHubProcess> | undefined;
  afterAll(async () => {
    if (a && a.child.exitCode === null) a.child.kill('SIGKILL');
    await b?.close();
    await databases?.drop();
  });

  it('the other process takes the feeds over and the screens stay exact', async () => {
    const hubId = 41;
    databases = await sharedDatabases('mysql');
    const env = { ...databases.env, REDIS_URL: redis!, REDIS_PREFIX: `xh-test-p${process.pid}-${Date.now()}:`, FEED_LEASE_MS: '1500' };
    a = runHubProcess(env);
    const urlA = await graphqlUrlOf(a);
    b = await startInstance(databases, env);
    const runnerB = liveOf(b).runnerOf(FOOTFALL_FEED)!;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(runnerB.holdsLease).toBe(false);

    const client = screenClient(`ws://127.0.0.1:${b.port}/graphql`, await keyFor(b, ApiRole.SCREEN));
    const sub = subscribe<any>(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics');
    const iotKey = await keyFor(b, ApiRole.DEPARTMENT, { department: 'iot' });
    try {
      // A (the holder) has counted the seeded day and told B.
      const seeded = await footfallTodayInIot(b, hubId);
      await sub.until((m) => m.footfallToday === seeded, 10_000);

      const sensorId = await newSensor(b, hubId);
      const rows = readingsToday(sensorId, hubId, 400);
      const first = await postGraphQL(urlA, RECORD, { readings: rows.slice(0, 200).map((r) => ({ sensorId: String(r.sensorId), at: r.at.toISOString(), entered: r.entered, exited: r.exited })) }, { authorization: `Bearer ${iotKey}` });
      expect(first.data.recordFootfall.accepted).toBe(200);
      await sub.until((m) => m.footfallToday === seeded + rows.slice(0, 200).reduce((n, r) => n + r.entered, 0), 3_000);

      a.child.kill('SIGKILL');
      await a.exited;
      await insertInBatches(b.services.sources.get('iot'), FootfallReading, rows.slice(200));
      const truth = await footfallTodayInIot(b, hubId);
      await sub.until((m) => m.footfallToday === truth, 10_000);
      expect(runnerB.holdsLease).toBe(true);
      await liveOf(b).drain();
      expect(metricsOf(liveOf(b), hubId).footfallToday).toBe(truth);
    } finally {
      sub.stop();
      await client.dispose();
    }
  });
});

(mysql ? describe : describe.skip)('MySQL named locks as leases (several instances without Redis)', () => {
  let databases: TestDatabases;
  let hub: RunningHub | undefined;
  afterAll(async () => {
    await hub?.close();
    await databases?.drop();
  });

  it('one holder at a time; freed when the holder releases or its connection dies', async () => {
    databases = await sharedDatabases('mysql');
    hub = await startInstance(databases, { DEMO_SEED: 'off' });
    const source = hub.services.sources.get(HUB_SOURCE);
    const one = new MysqlLeases(source, 'xh-test:');
    const two = new MysqlLeases(source, 'xh-test:');
    expect(await one.acquire('feed.x')).toBe(true);
    expect(await two.acquire('feed.x')).toBe(false);
    expect(await one.renew('feed.x')).toBe(true);
    await one.release('feed.x');
    expect(await two.acquire('feed.x')).toBe(true);
    await two.close();
    expect(await one.acquire('feed.x')).toBe(true);
    await one.close();
  });
});
