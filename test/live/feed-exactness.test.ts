import type { RunningHub } from '../../src/app';
import { HUB_SOURCE } from '../../src/config';
import { insertInBatches } from '../../src/core/seeding/insert-in-batches';
import { addDays, startOfLocalDay } from '../../src/core/time/local-time';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { FOOTFALL_FEED, footfallFeed } from '../../src/departments/iot/feeds/footfall-feed';
import { runAppendPass } from '../../src/live/feeds/append-feed-pass';
import { CursorMovedError, loadCursor } from '../../src/live/feeds/cursor-store';
import { rollupTotals } from '../../src/live/feeds/rollup-reader';
import type { TestDatabases } from '../helpers/test-databases';
import { describeEachDriver } from '../helpers/drivers';
import { liveOf, newSensor, readingsToday, footfallTodayInIot, metricsOf } from './live-helpers';
import { sharedDatabases, startInstance } from './shared-hubs';

describeEachDriver('change feeds count every row exactly once', (driver) => {
  let databases: TestDatabases;
  let hub: RunningHub | undefined;
  beforeAll(async () => {
    databases = await sharedDatabases(driver);
  });
  afterAll(async () => {
    await hub?.close();
    await databases?.drop();
  });

  it('stopped mid-stream and restarted, it resumes from its watermark: nothing lost, nothing twice', async () => {
    const env = { FEED_BATCH_SIZE: '50' };
    hub = await startInstance(databases, env);
    await liveOf(hub).drain();
    const hubId = 30;
    const runner = liveOf(hub).runnerOf(FOOTFALL_FEED)!;
    await runner.stop();
    const sensorId = await newSensor(hub, hubId);
    await insertInBatches(hub.services.sources.get('iot'), FootfallReading, readingsToday(sensorId, hubId, 1_000));

    // Three batches are counted, then the process goes away.
    const hubSource = hub.services.sources.get(HUB_SOURCE);
    let cursor = await loadCursor(hubSource, FOOTFALL_FEED);
    for (let i = 0; i < 3; i++) {
      cursor = (await runAppendPass(footfallFeed, hub.services.sources.get('iot'), hubSource, cursor, { batchSize: 50, gapGraceMs: 60_000, now: () => new Date() })).cursor;
    }
    const today = startOfLocalDay(new Date());
    const midway = (await rollupTotals(hubSource, ['footfall'], today, addDays(today, 1))).get(hubId)!.footfall;
    const truth = await footfallTodayInIot(hub, hubId);
    expect(midway).toBeLessThan(truth);
    expect(midway).toBeGreaterThan(0);
    await hub.close();

    // Started again over the same databases: the state is rebuilt from the rollups, the feed reads on.
    hub = await startInstance(databases, env);
    await liveOf(hub).drain();
    expect(metricsOf(liveOf(hub), hubId).footfallToday).toBe(truth);
    expect((await rollupTotals(hub.services.sources.get(HUB_SOURCE), ['footfall'], today, addDays(today, 1))).get(hubId)!.footfall).toBe(truth);
    await hub.close();
    hub = undefined;
  });

  it('a batch replayed over an old cursor (a second runner, a retry after a lost commit) is refused, not counted twice', async () => {
    hub = await startInstance(databases);
    await liveOf(hub).drain();
    const hubId = 31;
    await liveOf(hub).runnerOf(FOOTFALL_FEED)!.stop();
    const sensorId = await newSensor(hub, hubId);
    await insertInBatches(hub.services.sources.get('iot'), FootfallReading, readingsToday(sensorId, hubId, 100));
    const hubSource = hub.services.sources.get(HUB_SOURCE);
    const iot = hub.services.sources.get('iot');
    const options = { batchSize: 1_000, gapGraceMs: 60_000, now: () => new Date() };
    const old = await loadCursor(hubSource, FOOTFALL_FEED);
    const first = await runAppendPass(footfallFeed, iot, hubSource, old, options);
    expect(first.rows).toHaveLength(100);
    await expect(runAppendPass(footfallFeed, iot, hubSource, old, options)).rejects.toBeInstanceOf(CursorMovedError);
    const today = startOfLocalDay(new Date());
    expect((await rollupTotals(hubSource, ['footfall'], today, addDays(today, 1))).get(hubId)!.footfall).toBe(await footfallTodayInIot(hub, hubId));
    await hub.close();
    hub = undefined;
  });

  if (driver === 'mysql') {
    it('an id committed after a later one (a writer holding its transaction open) is still counted; a rolled-back id is given up after the grace period', async () => {
      hub = await startInstance(databases, { FEED_GAP_GRACE_MS: '3000', FEED_POLL_MS: '100' });
      const live = liveOf(hub);
      await live.drain();
      const hubId = 32;
      const iot = hub.services.sources.get('iot');
      const sensorId = await newSensor(hub, hubId);
      const base = metricsOf(live, hubId).footfallToday;
      const at = (s: number) => new Date(startOfLocalDay(new Date()).getTime() + s * 1000);
      const insert = `INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES (?, ?, ?, ?, 0)`;

      const slow = iot.createQueryRunner();
      await slow.connect();
      await slow.startTransaction();
      await slow.query(insert, [sensorId, hubId, at(1), 100]); // gets id N, not visible yet
      await iot.query(insert, [sensorId, hubId, at(2), 10]); // id N+1, committed
      await live.drain();
      expect(metricsOf(live, hubId).footfallToday).toBe(base + 10);
      const gaps = (await loadCursor(hub.services.sources.get(HUB_SOURCE), FOOTFALL_FEED)).gaps;
      expect(gaps.length).toBeGreaterThanOrEqual(1);

      await slow.commitTransaction();
      await slow.release();
      await live.drain();
      expect(metricsOf(live, hubId).footfallToday).toBe(base + 110);

      // A rolled-back insert leaves a hole that never fills: it is closed after the grace period.
      const rolledBack = iot.createQueryRunner();
      await rolledBack.connect();
      await rolledBack.startTransaction();
      await rolledBack.query(insert, [sensorId, hubId, at(3), 1000]);
      await iot.query(insert, [sensorId, hubId, at(4), 1]);
      await rolledBack.rollbackTransaction();
      await rolledBack.release();
      await live.drain();
      expect((await loadCursor(hub.services.sources.get(HUB_SOURCE), FOOTFALL_FEED)).gaps.length).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 3_500));
      await live.drain();
      expect((await loadCursor(hub.services.sources.get(HUB_SOURCE), FOOTFALL_FEED)).gaps.length).toBe(0);
      expect(metricsOf(live, hubId).footfallToday).toBe(base + 111);
      expect(metricsOf(live, hubId).footfallToday).toBe(await footfallTodayInIot(hub, hubId));
      await hub.close();
      hub = undefined;
    });
  }
});
