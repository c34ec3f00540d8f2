import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { freshnessResult } from '../freshness-figures';
import { FreshnessScreen, issueSamples, SAMPLE_TIMEOUT_MS } from '../freshness-probe';
import { hubIdsOf, newSensors, recordFootfall } from '../footfall-rows';
import { BaselineLiveProcess } from '../process/baseline-live-process';
import type { BenchScenario } from '../scenario';

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

    const baseline = await BaselineLiveProcess.start('ingest', bench.sourceUrls.iot, hubIds);
    const urls = [bench.url, baseline.httpUrl];
    const screens = await Promise.all([FreshnessScreen.open(bench.wsUrl, await bench.authorization(ApiRole.SCREEN), halves[0]), FreshnessScreen.open(baseline.wsUrl, undefined, halves[1])]);
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
          'not waiting for the previous call; the baseline in its own process; screens = graphql-ws clients in the bench process',
      ]);
    } finally {
      await Promise.all(screens.map((s) => s.close()));
      await baseline.stop();
      await bench.live.drain();
    }
  },
};
