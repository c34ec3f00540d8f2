import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { BaselineLiveProcess } from '../process/baseline-live-process';
import { freshnessResult } from '../freshness-figures';
import { FreshnessScreen, issueSamples, SAMPLE_TIMEOUT_MS } from '../freshness-probe';
import { hubIdsOf, newSensors } from '../footfall-rows';
import type { BenchScenario } from '../scenario';

const INSERT_ONE = 'INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES (?, ?, ?, ?, ?)';

export const freshnessRow: BenchScenario = {
  name: 'freshness-row',
  title: 'a row INSERTed into iot.footfall_reading -> on a screen socket, against a mysql2 poller at the same FEED_POLL_MS + raw ws push',
  async run(bench, settings) {
    const hubIds = await hubIdsOf(bench.pools);
    const pollMs = bench.settings.live.feedPollMs;
    const sensors = new Map((await newSensors(bench.pools, hubIds)).map((s) => [s.hubId, s.id]));
    const dayStart = startOfLocalDay(new Date()).getTime();
    await bench.live.drain();

    // Both pipelines read the same table: every row is a sample for both, timed from the same instant.
    const baseline = await BaselineLiveProcess.start('poller', bench.sourceUrls.iot, hubIds, pollMs);
    const screens = await Promise.all([FreshnessScreen.open(bench.wsUrl, await bench.authorization(ApiRole.SCREEN), hubIds), FreshnessScreen.open(baseline.wsUrl, undefined, hubIds)]);
    try {
      await issueSamples(settings.freshnessSamples, settings.freshnessSpacingMs, async (k) => {
        const hubId = hubIds[k % hubIds.length];
        const entered = 1 + (k % 4);
        for (const screen of screens) screen.expect(hubId, entered);
        // A door counter appending one row (autocommit), a new second each round of the hubs.
        await bench.pools.iot.query(INSERT_ONE, [sensors.get(hubId), hubId, new Date(dayStart + (Math.floor(k / hubIds.length) + 1) * 1000), entered, 0]);
      });
      const [hub, base] = await Promise.all(screens.map((s) => s.result(SAMPLE_TIMEOUT_MS)));
      return freshnessResult(this.name, 'INSERT -> screen', hub, base, [
        `FEED_POLL_MS ${pollMs} on both (no ingest kick: a row is found at the next poll); one row a sample, round ${hubIds.length} hubs ~${settings.freshnessSpacingMs} ms apart ` +
          '(a hub is quiet for longer than the push interval: no coalescing delay); each row timed on both pipelines at once; the baseline in its own process; screens = graphql-ws clients in the bench process',
      ]);
    } finally {
      await Promise.all(screens.map((s) => s.close()));
      await baseline.stop();
    }
  },
};
