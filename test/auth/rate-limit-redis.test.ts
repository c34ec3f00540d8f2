import Redis from 'ioredis';
import { describeEachDriver, testRedisUrl, type Driver } from '../helpers/drivers';
import { startPrivateRedis, type PrivateRedis } from '../helpers/private-redis';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const redisUrl = testRedisUrl();
const describeWithRedis = redisUrl ? describeEachDriver : (title: string, suite: (driver: Driver) => void) => describe.skip(title, () => suite('sqlite'));

const QUERY = '{ hubs(first: 1) { totalCount } }';

describeWithRedis('rate limit shared through Redis', (driver) => {
  const prefix = `xfh-test:${process.pid}:${Date.now().toString(36)}:${driver}`;
  const limits = { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '2' };
  let a: TestHub;
  let b: TestHub;
  let alone: TestHub;
  let redis: Redis;

  beforeAll(async () => {
    const shared = { ...limits, REDIS_URL: redisUrl!, RATE_LIMIT_KEY_PREFIX: prefix };
    [a, b, alone] = await Promise.all([
      startTestHub({ driver, seed: false, env: shared }),
      startTestHub({ driver, seed: false, env: shared }),
      startTestHub({ driver, seed: false, env: limits }),
    ]);
    redis = new Redis(redisUrl!);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await Promise.all([a?.close(), b?.close(), alone?.close()]);
  });

  it('counts a caller on one instance against the other', async () => {
    // The same caller (this test's address) spends its bucket on A...
    const onA = await Promise.all(Array.from({ length: 10 }, () => a.query(QUERY)));
    expect(onA.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(onA.filter((r) => r.status === 200).length).toBeLessThanOrEqual(4);
    // ...and finds it spent on B: a bucket of its own would let 3 of these through.
    const onB = await Promise.all(Array.from({ length: 5 }, () => b.query(QUERY)));
    const refusedOnB = onB.filter((r) => r.status === 429);
    expect(refusedOnB.length).toBeGreaterThanOrEqual(4);
    expect(refusedOnB[0].errors?.[0].extensions?.code).toBe('RATE_LIMITED');

    // The buckets are in Redis, under this deployment's prefix.
    expect((await redis.keys(`${prefix}*`)).length).toBeGreaterThan(0);

    // An instance that counts in memory has a bucket of its own for the same caller.
    const onAlone = await Promise.all(Array.from({ length: 5 }, () => alone.query(QUERY)));
    const servedAlone = onAlone.filter((r) => r.status === 200).length;
    expect(servedAlone).toBeGreaterThanOrEqual(3);
    expect(servedAlone).toBeLessThanOrEqual(4);
  });
});

describeWithRedis('rate limit when Redis stops answering', (driver) => {
  let redisServer: PrivateRedis;
  let hub: TestHub;
  beforeAll(async () => {
    redisServer = await startPrivateRedis();
    hub = await startTestHub({ driver, seed: false, env: { REDIS_URL: redisServer.url, RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '2' } });
  });
  afterAll(async () => {
    await hub?.close();
    await redisServer?.kill();
  });

  it('goes on serving and still limits, counting in memory, and says so once in the log', async () => {
    await redisServer.kill();
    const outage = () => hub.logs.filter((line) => line.includes('rate limit: Redis does not answer'));
    for (let i = 0; i < 50 && outage().length === 0; i++) await new Promise((r) => setTimeout(r, 100));

    const answers = await Promise.all(Array.from({ length: 6 }, () => hub.query(QUERY)));
    const served = answers.filter((r) => r.status === 200).length;
    expect(served).toBeGreaterThanOrEqual(3);
    expect(served).toBeLessThanOrEqual(4);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(6 - served);
    expect(refused[0].errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Reconnection attempts go on, but the outage is one line.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(outage()).toHaveLength(1);
    expect(outage()[0]).toContain('counting in memory');
  });
});
