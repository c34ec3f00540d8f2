import type { Pool } from 'mysql2/promise';
import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { BaselineFeedPoller } from '../baseline-feed-poller';
import { BaselineLive } from '../baseline-live';
import { freshnessResult } from '../freshness-figures';
import { measureFreshness } from '../freshness-probe';
import { hubIdsOf, newSensors, type Sensor } from '../footfall-rows';
import type { BenchScenario } from '../scenario';

const INSERT_ONE = 'INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES (?, ?, ?, ?, ?)';

/** One row a door counter appends (autocommit), `k` rounds of the hubs in: a new second each round. */
function counterWriter(iot: Pool, sensors: readonly Sensor[]) {
  const byHub = new Map(sensors.map((s) => [s.hubId, s]));
  const dayStart = startOfLocalDay(new Date()).getTime();
  return async (hubId: number, entered: number, k: number) => {
    const sensor = byHub.get(hubId)!;
    await iot.query(INSERT_ONE, [sensor.id, hubId, new Date(dayStart + (Math.floor(k / sensors.length) + 1) * 1000), entered, 0]);
  };
}

export const freshnessRow: BenchScenario = {
  name: 'freshness-row',
  title: 'a row INSERTed into iot.footfall_reading -> on a screen socket, against a mysql2 poller at the same FEED_POLL_MS + raw ws push',
  async run(bench, settings) {
    const hubIds = await hubIdsOf(bench.pools);
    const pollMs = bench.config.live.feedPollMs;
    const common = { hubIds, samples: settings.freshnessSamples, spacingMs: settings.freshnessSpacingMs };
    const hub = await measureFreshness({ ...common, wsUrl: bench.wsUrl, authorization: await bench.authorization(ApiRole.SCREEN), write: counterWriter(bench.pools.iot, await newSensors(bench.pools, hubIds)) });
    await bench.live.drain();

    const live = await BaselineLive.start(hubIds);
    const poller = await BaselineFeedPoller.start(bench.pools.iot, pollMs, (rows) => live.add(rows));
    let base;
    try {
      base = await measureFreshness({ ...common, wsUrl: live.url, write: counterWriter(bench.pools.iot, await newSensors(bench.pools, hubIds)) });
    } finally {
      await poller.stop();
      await live.close();
    }
    return freshnessResult(this.name, 'INSERT -> screen', hub, base, [
      `FEED_POLL_MS ${pollMs} (no ingest kick: the feed finds the row at its next poll), one row per write, ` +
        `samples round ${hubIds.length} hubs ~${settings.freshnessSpacingMs} ms apart (a hub's topic is quiet for longer than the push interval: no coalescing delay); ` +
        'screen = graphql-ws client in the bench process; the hub\'s own feed also reads the baseline\'s rows',
    ]);
  },
};
