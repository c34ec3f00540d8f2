import type { TestHub } from '../../helpers/test-hub';
import { newSensor, readingsToday } from '../../live/live-helpers';

const RECORD = /* GraphQL */ `
  mutation Record($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted duplicates } }
`;

/**
 * Door-counter readings of today for one hub, sent as the city operations centre's system
 * would (recordFootfall, an iot DEPARTMENT key), on a new sensor. Returns the people counted in.
 */
export async function ingestFootfall(t: Pick<TestHub, 'hub' | 'query'>, iotKey: string, hubId: number, count: number): Promise<number> {
  const sensorId = await newSensor(t.hub, hubId);
  const rows = readingsToday(sensorId, hubId, count);
  const readings = rows.map((r) => ({ sensorId: String(r.sensorId), at: r.at.toISOString(), entered: r.entered, exited: r.exited }));
  const { data, errors } = await t.query(RECORD, { readings }, { authorization: `Bearer ${iotKey}` });
  if (errors) throw new Error(`recordFootfall failed: ${JSON.stringify(errors)}`);
  expect(data.recordFootfall).toEqual({ accepted: count, duplicates: 0 });
  return rows.reduce((n, r) => n + r.entered, 0);
}
