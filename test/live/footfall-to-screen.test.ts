import { ApiRole } from '../../src/core/auth/api-role';
import { insertInBatches } from '../../src/core/seeding/insert-in-batches';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { HUB_METRICS, keyFor, liveOf, newSensor, readingsToday, screenClient, subscribe } from './live-helpers';

describeEachDriver('footfall written by a counter reaches a screen', (driver) => {
  let t: TestHub;
  let screenKey: string;
  beforeAll(async () => {
    t = await startTestHub({ driver });
    screenKey = await keyFor(t.hub, ApiRole.SCREEN);
    // The seeded day of readings is counted first.
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('1,000 rows straight into the iot database: footfallToday grows by exactly their entered sum within 3 s', async () => {
    const hubId = 7;
    const client = screenClient(t.wsUrl, screenKey);
    const sub = subscribe<any>(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics');
    try {
      const initial = await sub.until(() => true);
      expect(initial.hubId).toBe(String(hubId));

      const sensorId = await newSensor(t.hub, hubId);
      const rows = readingsToday(sensorId, hubId, 1_000);
      const enteredSum = rows.reduce((n, r) => n + r.entered, 0);
      const exitedSum = rows.reduce((n, r) => n + r.exited, 0);
      const started = Date.now();
      await insertInBatches(t.hub.services.sources.get('iot'), FootfallReading, rows);

      const inserted = Date.now() - started;
      const grown = await sub.until((m) => m.footfallToday === initial.footfallToday + enteredSum, 3_000).catch((e) => { throw new Error(`${e.message} inserted in ${inserted} ms, sum ${enteredSum}, initial ${initial.footfallToday}, seen ${sub.messages.map((m) => m.footfallToday).join(",")}`); });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(grown.occupancy).toBe(Math.max(0, initial.footfallToday + enteredSum - (initial.footfallToday - initial.occupancy) - exitedSum));

      // The query sees the same numbers, and nothing is counted twice afterwards.
      await new Promise((r) => setTimeout(r, 1_500));
      const { data } = await t.query(`{ hub(id: "${hubId}") { live { footfallToday occupancy crowdLevel } } }`);
      expect(data.hub.live.footfallToday).toBe(initial.footfallToday + enteredSum);
      expect(sub.messages.at(-1).footfallToday).toBe(initial.footfallToday + enteredSum);
    } finally {
      sub.stop();
      await client.dispose();
    }
  });
});
