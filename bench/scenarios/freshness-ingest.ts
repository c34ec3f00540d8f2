import type { IncomingMessage } from 'node:http';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { startBaseline } from '../baseline-server';
import { BaselineLive } from '../baseline-live';
import { freshnessResult } from '../freshness-figures';
import { measureFreshness } from '../freshness-probe';
import { hubIdsOf, INSERT_READINGS, newSensors, recordFootfall, type Sensor } from '../footfall-rows';
import type { BenchScenario } from '../scenario';

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The baseline of recordFootfall: node:http takes the same JSON body, looks the sensors' hubs
 * up, INSERTs the rows with mysql2 and pushes the hubs' new counters at once.
 */
function baselineIngest(iot: Pool, live: BaselineLive) {
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

function ingestWriter(url: string, authorization: string, sensors: readonly Sensor[]) {
  const byHub = new Map(sensors.map((s) => [s.hubId, s]));
  const dayStart = startOfLocalDay(new Date()).getTime();
  return (hubId: number, entered: number, k: number) =>
    recordFootfall(url, authorization, [{ sensorId: byHub.get(hubId)!.id, hubId, at: new Date(dayStart + (Math.floor(k / sensors.length) + 1) * 1000), entered, exited: 0 }]);
}

export const freshnessIngest: BenchScenario = {
  name: 'freshness-ingest',
  title: 'one reading through recordFootfall -> on a screen socket, against node:http + mysql2 INSERT + raw ws push',
  async run(bench, settings) {
    const hubIds = await hubIdsOf(bench.pools);
    const common = { hubIds, samples: settings.freshnessSamples, spacingMs: settings.freshnessSpacingMs };
    const iot = await bench.authorization(ApiRole.DEPARTMENT, 'iot');
    const hub = await measureFreshness({
      ...common,
      wsUrl: bench.wsUrl,
      authorization: await bench.authorization(ApiRole.SCREEN),
      write: ingestWriter(bench.url, iot, await newSensors(bench.pools, hubIds)),
    });

    const live = await BaselineLive.start(hubIds);
    const endpoint = await startBaseline(baselineIngest(bench.pools.iot, live));
    let base;
    try {
      base = await measureFreshness({ ...common, wsUrl: live.url, write: ingestWriter(endpoint.url, iot, await newSensors(bench.pools, hubIds)) });
    } finally {
      await endpoint.close();
      await live.close();
    }
    await bench.live.drain();
    return freshnessResult(this.name, 'recordFootfall -> screen', hub, base, [
      `one reading per call (the ingest kicks the feed), samples round ${hubIds.length} hubs ~${settings.freshnessSpacingMs} ms apart, not waiting for the previous call; ` +
        'screen = graphql-ws client in the bench process',
    ]);
  },
};
