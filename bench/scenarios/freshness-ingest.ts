import type { IncomingMessage } from 'node:http';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { startBaseline } from '../baseline-server';
import { BaselineLive } from '../baseline-live';
import { freshnessResult } from '../freshness-figures';
import { FreshnessScreen, issueSamples, SAMPLE_TIMEOUT_MS } from '../freshness-probe';
import { hubIdsOf, INSERT_READINGS, newSensors, recordFootfall } from '../footfall-rows';
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

export const freshnessIngest: BenchScenario = {
  name: 'freshness-ingest',
  title: 'one reading through recordFootfall -> on a screen socket, against node:http + mysql2 INSERT + raw ws push',
  async run(bench, settings) {
    const hubIds = await hubIdsOf(bench.pools);
    // Samples alternate between the two paths, each on its own half of the hubs: the hub's feed
    // also counts the baseline's rows (at its next poll), but on hubs its screen does not time.
    const halves = [hubIds.filter((_, i) => i % 2 === 0), hubIds.filter((_, i) => i % 2 === 1)];
    const sensors = new Map((await newSensors(bench.pools, hubIds)).map((s) => [s.hubId, s.id]));
    const dayStart = startOfLocalDay(new Date()).getTime();
    const iot = await bench.authorization(ApiRole.DEPARTMENT, 'iot');
    await bench.live.drain();

    const live = await BaselineLive.start(hubIds);
    const endpoint = await startBaseline(baselineIngest(bench.pools.iot, live));
    const urls = [bench.url, endpoint.url];
    const screens = await Promise.all([FreshnessScreen.open(bench.wsUrl, await bench.authorization(ApiRole.SCREEN), halves[0]), FreshnessScreen.open(live.url, undefined, halves[1])]);
    try {
      await issueSamples(settings.freshnessSamples * 2, settings.freshnessSpacingMs / 2, async (k) => {
        const side = k % 2;
        const round = Math.floor(k / 2);
        const hubId = halves[side][round % halves[side].length];
        const entered = 1 + (round % 4);
        screens[side].expect(hubId, entered);
        const at = new Date(dayStart + (Math.floor(round / halves[side].length) + 1) * 1000);
        await recordFootfall(urls[side], iot, [{ sensorId: sensors.get(hubId)!, hubId, at, entered, exited: 0 }]);
      });
      const [hub, base] = await Promise.all(screens.map((s) => s.result(SAMPLE_TIMEOUT_MS)));
      return freshnessResult(this.name, 'recordFootfall -> screen', hub, base, [
        `one reading a call (the hub's ingest kicks its feed); calls alternate hub/baseline ~${settings.freshnessSpacingMs / 2} ms apart, each side on ${halves[0].length} hubs of its own, ` +
          'not waiting for the previous call; screens = graphql-ws clients in the bench process',
      ]);
    } finally {
      await Promise.all(screens.map((s) => s.close()));
      await endpoint.close();
      await live.close();
      await bench.live.drain();
    }
  },
};
