import { ApiRole } from '../../src/core/auth/api-role';
import { addDays, startOfLocalDay } from '../../src/core/time/local-time';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { MetricRollup } from '../../src/live/feeds/metric-rollup.entity';
import { HUB_SOURCE } from '../../src/config';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor, liveOf, newSensor, metricsOf } from './live-helpers';

const RECORD = /* GraphQL */ `
  mutation Record($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted duplicates } }
`;
const DAY_MS = 86_400_000;

describeEachDriver('the date of a reading', (driver) => {
  let t: TestHub;
  let iotKey: string;
  const auth = () => ({ authorization: `Bearer ${iotKey}` });
  /** A hub's rollups, a row per bucket with its footfall and exits. */
  const rollupsOf = async (hubId: number) => {
    const rows = await t.hub.services.sources.get(HUB_SOURCE).getRepository(MetricRollup).find({ where: { hubId }, order: { bucketStart: 'ASC' } });
    const buckets = new Map<number, { bucketStart: Date; entered: number; exited: number }>();
    for (const r of rows) {
      const b = buckets.get(r.bucketStart.getTime()) ?? { bucketStart: r.bucketStart, entered: 0, exited: 0 };
      if (r.metric === 'footfall') b.entered = r.value;
      if (r.metric === 'exits') b.exited = r.value;
      buckets.set(r.bucketStart.getTime(), b);
    }
    return [...buckets.values()];
  };

  beforeAll(async () => {
    t = await startTestHub({ driver, env: { FOOTFALL_MAX_AGE_DAYS: '31' } });
    iotKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  it('recordFootfall refuses a reading older than FOOTFALL_MAX_AGE_DAYS, naming it, and writes nothing', async () => {
    const hubId = 21;
    const sensorId = await newSensor(t.hub, hubId);
    const now = Date.now();
    for (const at of ['0001-01-01T00:00:00.000Z', new Date(now - 40 * DAY_MS).toISOString()]) {
      const fresh = { sensorId: String(sensorId), at: new Date(now - 60_000).toISOString(), entered: 1, exited: 0 };
      const { data, errors } = await t.query(RECORD, { readings: [fresh, { ...fresh, at }] }, auth());
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0].message).toContain(`readings[1].at: ${at} is more than 31 days old (FOOTFALL_MAX_AGE_DAYS)`);
    }
    expect(await t.hub.services.sources.get('iot').getRepository(FootfallReading).countBy({ sensorId })).toBe(0);
  });

  it('a backlog within the bound is taken, and counted in its own day, not today', async () => {
    const hubId = 22;
    const sensorId = await newSensor(t.hub, hubId);
    const before = metricsOf(liveOf(t.hub), hubId).footfallToday;
    // Noon, Shanghai time, 20 days ago: in the past at any hour.
    const at = new Date(startOfLocalDay(addDays(new Date(), -20)).getTime() + 12 * 3_600_000);
    const { data, errors } = await t.query(RECORD, { readings: [{ sensorId: String(sensorId), at: at.toISOString(), entered: 7, exited: 2 }] }, auth());
    expect(errors).toBeUndefined();
    expect(data.recordFootfall).toEqual({ accepted: 1, duplicates: 0 });
    await liveOf(t.hub).drain();
    expect(metricsOf(liveOf(t.hub), hubId).footfallToday).toBe(before);
    const rollups = await rollupsOf(hubId);
    expect(rollups.filter((r) => r.bucketStart.getTime() === at.getTime())).toEqual([expect.objectContaining({ entered: 7, exited: 2 })]);
  });

  it('a row the department dated in year 1 or 99 lands in the rollup of that very day, not in 2001 or 1999, nor today', async () => {
    const hubId = 23;
    const sensorId = await newSensor(t.hub, hubId);
    const before = metricsOf(liveOf(t.hub), hubId).footfallToday;
    const year1 = new Date('0001-01-01T03:00:00.000Z');
    const year99 = new Date('0099-06-15T10:05:00.000Z');
    const iot = t.hub.services.sources.get('iot');
    await iot.getRepository(FootfallReading).insert([
      { sensorId, hubId, at: year1, entered: 5, exited: 1 },
      { sensorId, hubId, at: year99, entered: 3, exited: 0 },
    ]);
    // Read back from the department's table as the feed reads it.
    const stored = await iot.getRepository(FootfallReading).find({ where: { sensorId }, order: { at: 'ASC' } });
    expect(stored.map((r) => r.at.toISOString())).toEqual([year1.toISOString(), year99.toISOString()]);

    await liveOf(t.hub).drain();
    expect(metricsOf(liveOf(t.hub), hubId).footfallToday).toBe(before);
    const rollups = (await rollupsOf(hubId)).filter((r) => r.bucketStart.getUTCFullYear() < 1000);
    expect(rollups.map((r) => [r.bucketStart.toISOString(), r.entered, r.exited])).toEqual([
      ['0001-01-01T03:00:00.000Z', 5, 1],
      ['0099-06-15T10:05:00.000Z', 3, 0],
    ]);
    // And as the database holds them, in case the reading back were the one shifting dates.
    const [raw] = await t.hub.services.sources
      .get(HUB_SOURCE)
      .query(`SELECT COUNT(*) AS n FROM metric_rollup WHERE hub_id = ? AND metric = 'footfall' AND bucket_start < ?`, [hubId, driver === 'mysql' ? '1000-01-01 00:00:00' : '1000-01-01']);
    expect(Number(raw.n)).toBe(2);
  });

  it('a bad FOOTFALL_MAX_AGE_DAYS stops the start with a line naming it', async () => {
    await expect(startTestHub({ driver, seed: false, env: { FOOTFALL_MAX_AGE_DAYS: 'a month' } })).rejects.toThrow(/FOOTFALL_MAX_AGE_DAYS: "a month" is not a whole number/);
  });
});
