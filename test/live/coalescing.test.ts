import { ApiRole } from '../../src/core/auth/api-role';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { HUB_METRICS, keyFor, liveOf, newSensor, readingsToday, screenClient, sleep, subscribe } from './live-helpers';

const RECORD = `mutation R($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted } }`;

describeEachDriver('a screen gets at most one message per hub per push interval, always the newest', (driver) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ driver, env: { LIVE_PUSH_INTERVAL_MS: '1000' } });
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('20 changes in a burst arrive as the first one at once and the newest after the interval', async () => {
    const hubId = 44;
    const iotKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    const client = screenClient(t.wsUrl, await keyFor(t.hub, ApiRole.SCREEN));
    const sub = subscribe<any>(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics');
    try {
      const initial = await sub.until(() => true);
      await sleep(1_100);
      const sensorId = await newSensor(t.hub, hubId);
      const rows = readingsToday(sensorId, hubId, 20);
      const from = sub.messages.length;
      const started = Date.now();
      for (const row of rows) {
        await t.query(RECORD, { readings: [{ sensorId: String(sensorId), at: row.at.toISOString(), entered: row.entered, exited: row.exited }] }, { authorization: `Bearer ${iotKey}` });
      }
      const final = initial.footfallToday + rows.reduce((n, r) => n + r.entered, 0);
      await sub.until((m) => m.footfallToday === final, 3_000);
      const lasted = Date.now() - started;
      await sleep(1_200);
      const burst = sub.messages.slice(from);
      // The first change at once, then at most one per interval, the last being the newest state.
      expect(burst.length).toBeGreaterThanOrEqual(2);
      expect(burst.length).toBeLessThanOrEqual(1 + Math.ceil(lasted / 1_000));
      expect(burst.at(-1).footfallToday).toBe(final);
      expect(burst.map((m) => m.footfallToday)).toEqual([...burst.map((m) => m.footfallToday)].sort((a, b) => a - b));
    } finally {
      sub.stop();
      await client.dispose();
    }
  });
});
