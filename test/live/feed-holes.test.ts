import type { RunningHub } from '../../src/app';
import { HUB_SOURCE } from '../../src/config';
import { ApiRole } from '../../src/core/auth/api-role';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { FOOTFALL_FEED } from '../../src/departments/iot/feeds/footfall-feed';
import { loadCursor } from '../../src/live/feeds/cursor-store';
import { describeEachDriver } from '../helpers/drivers';
import { postGraphQL } from '../helpers/graphql-request';
import type { TestDatabases } from '../helpers/test-databases';
import { footfallTodayInIot, keyFor, liveOf, newSensor, recentReadings, sleep, metricsOf } from './live-helpers';
import { sharedDatabases, startInstance } from './shared-hubs';

const GRACE_MS = 3_000;
const ENV = { FEED_GAP_GRACE_MS: String(GRACE_MS), FEED_POLL_MS: '100' };

const RECORD = /* GraphQL */ `
  mutation Record($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted duplicates } }
`;
const FEEDS = /* GraphQL */ `{ departments { name feeds { name lagSeconds lastError failingSince } } }`;

describeEachDriver('a hole in a feed’s ids costs at most the grace period and never stops the feed', (driver) => {
  let databases: TestDatabases;
  let hub: RunningHub;
  let logs: string[];
  const url = () => `http://127.0.0.1:${hub.port}/graphql`;
  const iot = () => hub.services.sources.get('iot');
  const hubIdsSeen = new Set<number>();

  beforeAll(async () => {
    databases = await sharedDatabases(driver);
    logs = [];
    hub = await startInstance(databases, ENV, logs);
    await liveOf(hub).drain();
  });
  afterAll(async () => {
    await hub?.close();
    await databases?.drop();
  });

  async function restart(): Promise<void> {
    await hub.close();
    hub = await startInstance(databases, ENV, logs);
  }

  /** The live counts of every hub a test wrote to equal a recount of the iot rows. */
  async function expectExact(): Promise<void> {
    await liveOf(hub).drain();
    for (const hubId of hubIdsSeen) expect({ hubId, live: metricsOf(liveOf(hub), hubId).footfallToday }).toEqual({ hubId, live: await footfallTodayInIot(hub, hubId) });
  }

  /** A reading written after the hole is counted by the feed's own polling well within the grace period. */
  async function expectLaterReadingCounted(): Promise<void> {
    const hubId = 7;
    hubIdsSeen.add(hubId);
    const sensorId = await newSensor(hub, hubId);
    await iot().getRepository(FootfallReading).insert(recentReadings([{ id: sensorId, hubId }], 1));
    const truth = await footfallTodayInIot(hub, hubId);
    const deadline = Date.now() + GRACE_MS;
    while (metricsOf(liveOf(hub), hubId).footfallToday !== truth && Date.now() < deadline) await sleep(50);
    expect(metricsOf(liveOf(hub), hubId).footfallToday).toBe(truth);
  }

  async function iotFeedStatus(key: string) {
    const { data } = await postGraphQL(url(), FEEDS, {}, { authorization: `Bearer ${key}` });
    return data.departments.find((d: { name: string }) => d.name === 'iot').feeds.find((f: { name: string }) => f.name === FOOTFALL_FEED);
  }

  it('identical batches sent at once: each call reports what it wrote, and the rows they share are counted once', async () => {
    const iotKey = await keyFor(hub, ApiRole.DEPARTMENT, { department: 'iot' });
    const sensors: { id: number; hubId: number }[] = [];
    for (let j = 0; j < 91; j++) {
      const hubId = 1 + (j % 58);
      hubIdsSeen.add(hubId);
      sensors.push({ id: await newSensor(hub, hubId), hubId });
    }
    const readings = recentReadings(sensors, 5_000).map((r) => ({ sensorId: String(r.sensorId), at: r.at.toISOString(), entered: r.entered, exited: r.exited }));
    const calls = await Promise.all([0, 1].map(() => postGraphQL(url(), RECORD, { readings }, { authorization: `Bearer ${iotKey}` })));
    for (const call of calls) {
      expect(call.errors).toBeUndefined();
      expect(call.data.recordFootfall.accepted + call.data.recordFootfall.duplicates).toBe(5_000);
    }
    const written = await iot()
      .getRepository(FootfallReading)
      .createQueryBuilder('r')
      .where('r.sensorId IN (:...ids)', { ids: sensors.map((s) => s.id) })
      .getCount();
    expect(written).toBe(5_000);
    expect(calls[0].data.recordFootfall.accepted + calls[1].data.recordFootfall.accepted).toBe(written);

    await expectLaterReadingCounted();
    if (driver === 'mysql') {
      // The duplicates used up ids (InnoDB reserves a statement's ids before it skips a row): a hole
      // such as stopped the feed before gaps were ranges, below the later reading just counted.
      const [{ top, n }] = await iot().query('SELECT MAX(id) AS top, COUNT(*) AS n FROM footfall_reading');
      expect(Number(top) - Number(n)).toBeGreaterThan(0);
    }
    await expectExact();
    const screenKey = await keyFor(hub, ApiRole.SCREEN);
    expect(await iotFeedStatus(screenKey)).toMatchObject({ lastError: null, failingSince: null });

    await restart();
    await expectExact();
    await expectLaterReadingCounted();
  });

  if (driver === 'mysql') {
    it('a rolled-back transaction of 5,000 rows written straight into the table leaves one range, given up after the grace period', async () => {
      const sensorId = await newSensor(hub, 9);
      hubIdsSeen.add(9);
      const rows = recentReadings([{ id: sensorId, hubId: 9 }], 5_001);
      const values = (n: number) => rows.slice(0, n).map((r) => [r.sensorId, r.hubId, r.at, r.entered, r.exited]);
      // Holes of earlier tests may still be open (within their grace period): only this one's ids count.
      const [{ top: before }] = await iot().query('SELECT COALESCE(MAX(id), 0) AS top FROM footfall_reading');
      const rolledBack = iot().createQueryRunner();
      await rolledBack.connect();
      await rolledBack.startTransaction();
      await rolledBack.query(`INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES ${values(5_000).map(() => '(?, ?, ?, ?, ?)').join(', ')}`, values(5_000).flat());
      // Committed after the open transaction took its ids: visible above the hole.
      await iot().query('INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES (?, ?, ?, ?, ?)', values(5_001)[5_000]);
      await rolledBack.rollbackTransaction();
      await rolledBack.release();

      await liveOf(hub).drain();
      const gaps = (await loadCursor(hub.services.sources.get(HUB_SOURCE), FOOTFALL_FEED)).gaps;
      expect(gaps.filter((g) => g.from > Number(before) && g.to - g.from + 1 >= 5_000)).toHaveLength(1);
      await expectLaterReadingCounted();
      await expectExact();

      await restart();
      await expectExact();
      await sleep(GRACE_MS + 200);
      await liveOf(hub).drain();
      expect((await loadCursor(hub.services.sources.get(HUB_SOURCE), FOOTFALL_FEED)).gaps).toEqual([]);
      await expectLaterReadingCounted();
      await expectExact();
    });
  }

  it('ids that jump by a million (a reseeded table) are one range, and the rows after them are counted', async () => {
    const sensorId = await newSensor(hub, 11);
    hubIdsSeen.add(11);
    const [{ top }] = await iot().query('SELECT MAX(id) AS top FROM footfall_reading');
    const [reading] = recentReadings([{ id: sensorId, hubId: 11 }], 1);
    await iot().getRepository(FootfallReading).insert({ ...reading, id: Number(top) + 1_000_000 });
    await liveOf(hub).drain();
    const cursor = await loadCursor(hub.services.sources.get(HUB_SOURCE), FOOTFALL_FEED);
    expect(cursor.watermark).toBe(Number(top) + 1_000_000);
    expect(cursor.gaps).toContainEqual(expect.objectContaining({ from: Number(top) + 1, to: Number(top) + 999_999 }));
    await expectLaterReadingCounted();
    await expectExact();
  });

  it('a feed that cannot save its cursor is shown as failing in departments and /readyz, warns once, and recovers', async () => {
    const screenKey = await keyFor(hub, ApiRole.SCREEN);
    const hubSource = hub.services.sources.get(HUB_SOURCE);
    const sensorId = await newSensor(hub, 13);
    hubIdsSeen.add(13);
    const warned = () => logs.filter((line) => line.includes(`feed ${FOOTFALL_FEED}:`) && /metric_rollup/.test(line)).length;
    const before = warned();
    await hubSource.query('ALTER TABLE metric_rollup RENAME TO metric_rollup_away');
    try {
      await iot().getRepository(FootfallReading).insert(recentReadings([{ id: sensorId, hubId: 13 }], 1));
      let status = await iotFeedStatus(screenKey);
      for (let i = 0; i < 100 && status.lastError === null; i++) {
        await sleep(50);
        status = await iotFeedStatus(screenKey);
      }
      expect(status.lastError).toMatch(/metric_rollup/);
      const since = new Date(status.failingSince).getTime();
      expect(Date.now() - since).toBeLessThan(10_000);
      // Passes go on failing every poll: the start of the incident stays, and the log is not flooded.
      await sleep(1_000);
      expect((await iotFeedStatus(screenKey)).failingSince).toBe(status.failingSince);
      expect(warned() - before).toBe(1);
      const ready = await fetch(`http://127.0.0.1:${hub.port}/readyz`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).failingFeeds).toContainEqual({ feed: FOOTFALL_FEED, failingSince: status.failingSince });
    } finally {
      await hubSource.query('ALTER TABLE metric_rollup_away RENAME TO metric_rollup');
    }
    await expectExact();
    expect(await iotFeedStatus(screenKey)).toMatchObject({ lastError: null, failingSince: null });
    expect((await (await fetch(`http://127.0.0.1:${hub.port}/readyz`)).json()).failingFeeds).toEqual([]);
  });
});
