import { ApiRole } from '../../src/core/auth/api-role';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { HUB_METRICS, keyFor, liveOf, newSensor, readingsToday, recentReadings, screenClient, subscribe } from './live-helpers';

const RECORD = /* GraphQL */ `
  mutation Record($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted duplicates } }
`;

describeEachDriver('recordFootfall', (driver) => {
  let t: TestHub;
  let iotKey: string;
  let screenKey: string;
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const asInput = (rows: ReturnType<typeof readingsToday>) => rows.map((r) => ({ sensorId: String(r.sensorId), at: r.at.toISOString(), entered: r.entered, exited: r.exited }));
  const countRows = (sensorId: number) => t.hub.services.sources.get('iot').getRepository(FootfallReading).countBy({ sensorId });

  beforeAll(async () => {
    t = await startTestHub({ driver });
    iotKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    screenKey = await keyFor(t.hub, ApiRole.SCREEN);
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('reaches a screen within 0.5 s, and counts resent readings as duplicates', async () => {
    const hubId = 12;
    const sensorId = await newSensor(t.hub, hubId);
    const client = screenClient(t.wsUrl, screenKey);
    const sub = subscribe<any>(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics');
    try {
      const initial = await sub.until(() => true);
      // Quiet for a push interval, so that the coalescing sends the first change at once.
      await new Promise((r) => setTimeout(r, 1_100));
      const rows = readingsToday(sensorId, hubId, 200);
      const sum = rows.reduce((n, r) => n + r.entered, 0);
      const started = Date.now();
      const { data, errors } = await t.query(RECORD, { readings: asInput(rows) }, auth(iotKey));
      expect(errors).toBeUndefined();
      expect(data.recordFootfall).toEqual({ accepted: 200, duplicates: 0 });
      await sub.until((m) => m.footfallToday === initial.footfallToday + sum, 500);
      expect(Date.now() - started).toBeLessThan(500);

      // The counter resends half of them with five new ones: only the new ones count.
      const again = [...rows.slice(0, 100), ...readingsToday(sensorId, hubId, 5, 200)];
      const extra = again.slice(100).reduce((n, r) => n + r.entered, 0);
      const second = await t.query(RECORD, { readings: asInput(again) }, auth(iotKey));
      expect(second.data.recordFootfall).toEqual({ accepted: 5, duplicates: 100 });
      await sub.until((m) => m.footfallToday === initial.footfallToday + sum + extra, 2_000);
      expect(await countRows(sensorId)).toBe(205);
    } finally {
      sub.stop();
      await client.dispose();
    }
  });

  it('takes 5,000 readings in one call', async () => {
    const sensorId = await newSensor(t.hub, 3);
    // The last 5,000 seconds (from yesterday, shortly after midnight): a batch this size need not fit in today.
    const rows = recentReadings([{ id: sensorId, hubId: 3 }], 5_000);
    const { data, errors } = await t.query(RECORD, { readings: asInput(rows) }, auth(iotKey));
    expect(errors).toBeUndefined();
    expect(data.recordFootfall).toEqual({ accepted: 5_000, duplicates: 0 });
    expect(await countRows(sensorId)).toBe(5_000);
  });

  it('refuses a batch with a bad row, names the row, and writes nothing of it', async () => {
    const sensorId = await newSensor(t.hub, 4);
    const rows = asInput(readingsToday(sensorId, 4, 10));
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['unknown sensor', { sensorId: '999999' }, /readings\[3\]\.sensorId: sensor 999999 does not exist/],
      ['negative count', { entered: -1 }, /readings\[3\]\.entered: must not be negative/],
      ['future time', { at: new Date(Date.now() + 3_600_000).toISOString() }, /readings\[3\]\.at: .* is in the future/],
    ];
    for (const [, change, message] of cases) {
      const batch = rows.map((r, i) => (i === 3 ? { ...r, ...change } : r));
      const { data, errors } = await t.query(RECORD, { readings: batch }, auth(iotKey));
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0].message).toMatch(message);
      expect(await countRows(sensorId)).toBe(0);
    }
    const tooMany = Array.from({ length: 5_001 }, () => rows[0]);
    const { errors } = await t.query(RECORD, { readings: tooMany }, auth(iotKey));
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/at most 5000/);
  });

  it('is for the iot department: other keys are refused', async () => {
    const sensorId = await newSensor(t.hub, 5);
    const readings = asInput(readingsToday(sensorId, 5, 1));
    const healthKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'health' });
    expect((await t.query(RECORD, { readings }, auth(healthKey))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.query(RECORD, { readings }, auth(screenKey))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.query(RECORD, { readings })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countRows(sensorId)).toBe(0);
  });
});
