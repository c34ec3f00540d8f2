import type { IncomingMessage } from 'node:http';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { BaselineLive } from './baseline-live';
import { INSERT_READINGS } from './footfall-rows';

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The baseline of recordFootfall: node:http takes the same JSON body, looks the sensors' hubs
 * up, INSERTs the rows with mysql2 and pushes the hubs' new counters at once.
 */
export function baselineIngest(iot: Pool, live: BaselineLive) {
  return async (request: IncomingMessage) => {
    const { variables } = JSON.parse(await bodyOf(request)) as { variables: { readings: { sensorId: string; at: string; entered: number; exited: number }[] } };
    const readings = variables.readings;
    const [sensors] = await iot.query<RowDataPacket[]>('SELECT id, hub_id FROM door_sensor WHERE id IN (?)', [readings.map((r) => Number(r.sensorId))]);
    const hubOf = new Map(sensors.map((s) => [Number(s.id), Number(s.hub_id)]));
    const rows = readings.map((r) => ({ sensorId: Number(r.sensorId), hubId: hubOf.get(Number(r.sensorId))!, at: new Date(r.at), entered: r.entered, exited: r.exited }));
    await iot.query(INSERT_READINGS, [rows.map((r) => [r.sensorId, r.hubId, r.at, r.entered, r.exited])]);
    live.add(rows);
    return { data: { recordFootfall: { accepted: rows.length, duplicates: 0 } } };
  };
}

