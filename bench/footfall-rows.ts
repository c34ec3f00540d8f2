import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { startOfLocalDay } from '../src/core/time/local-time';

/** One row of iot's `footfall_reading`, as a door counter writes it. */
export interface FootfallRow {
  sensorId: number;
  hubId: number;
  at: Date;
  entered: number;
  exited: number;
}

export interface Sensor {
  id: number;
  hubId: number;
}

/** The demo district's hub ids (civil's `hub` table), in id order. */
export async function hubIdsOf(pools: Record<string, Pool>): Promise<number[]> {
  const [rows] = await pools.civil.query<RowDataPacket[]>('SELECT id FROM hub ORDER BY id');
  return rows.map((r) => Number(r.id));
}

let sensorRuns = 0;

/**
 * New door counters, `perHub` on each hub, written straight into iot's `door_sensor`: a
 * scenario's readings never meet the seeded ones (on other sensors) nor another scenario's.
 */
export async function newSensors(pools: Record<string, Pool>, hubIds: readonly number[], perHub = 1): Promise<Sensor[]> {
  const run = `${process.pid}-${++sensorRuns}`;
  const values = hubIds.flatMap((hubId) => Array.from({ length: perHub }, (_, i) => [hubId, `bench-${run}-${hubId}-${i}`, '基准测试门', new Date()]));
  await pools.iot.query<ResultSetHeader>('INSERT INTO door_sensor (hub_id, code, position, installed_at) VALUES ?', [values]);
  const [rows] = await pools.iot.query<RowDataPacket[]>('SELECT id, hub_id FROM door_sensor WHERE code LIKE ? ORDER BY id', [`bench-${run}-%`]);
  return rows.map((r) => ({ id: Number(r.id), hubId: Number(r.hub_id) }));
}

/**
 * `count` readings spread evenly over `sensors`, today (Asia/Shanghai) at whole seconds after
 * local midnight, ordered by time then sensor as a department forwarding its doors' readings
 * would send them. Every (sensor, at) is new, so nothing is a duplicate.
 */
export function readingsToday(sensors: readonly Sensor[], count: number, now = new Date()): FootfallRow[] {
  const dayStart = startOfLocalDay(now).getTime();
  const perSensor = Math.ceil(count / sensors.length);
  // The ingest refuses readings in the future; keep them a minute behind the clock.
  if (dayStart + (perSensor + 60) * 1000 > now.getTime()) {
    throw new Error(`too close to local midnight for ${perSensor} readings per sensor today: run the bench again in a few minutes, or use fewer rows`);
  }
  const rows: FootfallRow[] = [];
  for (let second = 1; rows.length < count; second++) {
    for (const sensor of sensors) {
      if (rows.length === count) break;
      const i = rows.length;
      rows.push({ sensorId: sensor.id, hubId: sensor.hubId, at: new Date(dayStart + second * 1000), entered: 1 + (i % 5), exited: i % 3 });
    }
  }
  return rows;
}

export function enteredSum(rows: readonly FootfallRow[]): number {
  return rows.reduce((n, r) => n + r.entered, 0);
}

export const INSERT_READINGS = 'INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES ?';

export function insertValues(rows: readonly FootfallRow[]): unknown[][] {
  return rows.map((r) => [r.sensorId, r.hubId, r.at, r.entered, r.exited]);
}

/**
 * The baseline of every ingest: mysql2 multi-row INSERTs of `batch` rows each. `commit: 'round'`
 * puts them in one transaction (the hub's feed, polling the same table, sees nothing until the
 * commit); `'batch'` commits each statement by itself, as each recordFootfall call is stored
 * before it is answered. Returns the milliseconds from the first statement to the last commit.
 */
export async function rawInsert(pool: Pool, rows: readonly FootfallRow[], batch: number, commit: 'round' | 'batch'): Promise<number> {
  const connection: PoolConnection = await pool.getConnection();
  try {
    const started = performance.now();
    if (commit === 'round') await connection.beginTransaction();
    for (let i = 0; i < rows.length; i += batch) await connection.query(INSERT_READINGS, [insertValues(rows.slice(i, i + batch))]);
    if (commit === 'round') await connection.commit();
    return performance.now() - started;
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

/** What `recordFootfall` takes for these rows. */
export function asReadingsInput(rows: readonly FootfallRow[]): { sensorId: string; at: string; entered: number; exited: number }[] {
  return rows.map((r) => ({ sensorId: String(r.sensorId), at: r.at.toISOString(), entered: r.entered, exited: r.exited }));
}

export const RECORD_FOOTFALL = /* GraphQL */ `
  mutation Record($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted duplicates } }
`;

/** Sends one `recordFootfall` call; throws unless every reading was accepted. */
export async function recordFootfall(url: string, authorization: string, rows: readonly FootfallRow[]): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: RECORD_FOOTFALL, variables: { readings: asReadingsInput(rows) } }),
  });
  const body = (await response.json()) as { data?: { recordFootfall?: { accepted: number } }; errors?: unknown[] };
  if (body.errors || body.data?.recordFootfall?.accepted !== rows.length) {
    throw new Error(`recordFootfall did not accept the ${rows.length} readings: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/**
 * [from, to) slices of `count` rows for the ingest scenarios' alternating rounds (hub, then
 * baseline, then hub…): up to five, each at least one batch.
 */
export function ingestRounds(count: number, batch: number): [number, number][] {
  const rounds = Math.max(1, Math.min(5, Math.floor(count / batch)));
  const size = Math.ceil(count / rounds);
  return Array.from({ length: rounds }, (_, i): [number, number] => [i * size, Math.min(count, (i + 1) * size)]).filter(([a, b]) => b > a);
}
