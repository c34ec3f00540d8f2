import { FOOTFALL_FEED } from '../../src/departments/iot/feeds/footfall-feed';
import { enteredSum, hubIdsOf, ingestRounds, newSensors, rawInsert, readingsToday } from '../footfall-rows';
import type { BenchScenario } from '../scenario';

const COUNTED_TIMEOUT_MS = 300_000;

export const ingestFeed: BenchScenario = {
  name: 'ingest-feed',
  title: 'footfall rows/s through the change feed (rows written straight into footfall_reading), against the raw mysql2 multi-row INSERT that wrote them',
  async run(bench, settings) {
    const { ingestRows: count } = settings;
    const batch = Math.max(...settings.ingestBatches);
    const hubIds = await hubIdsOf(bench.pools);
    const rows = readingsToday(await newSensors(bench.pools, hubIds), count);
    const rounds = ingestRounds(count, batch);
    let insertMs = 0;
    let feedMs = 0;
    await bench.live.drain();
    for (const [from, to] of rounds) {
      const written = rows.slice(from, to);
      const { reached: counted } = await bench.live.whenFootfallGrows(enteredSum(written), COUNTED_TIMEOUT_MS);
      // One transaction: the feed (polling meanwhile) sees nothing until the commit, then all of it.
      insertMs += await rawInsert(bench.pools.iot, written, batch, 'round');
      const committed = performance.now();
      await bench.live.kick(FOOTFALL_FEED);
      feedMs += (await counted) - committed;
    }

    const batchSize = bench.settings.live.feedBatchSize;
    return {
      figures: [{ scenario: this.name, label: 'feed rows/s, commit -> all on the live state', unit: 'rows/s', hub: (count / feedMs) * 1000, baseline: (count / insertMs) * 1000, better: 'higher' }],
      notes: [
        `${count} rows over ${hubIds.length} hubs in ${rounds.length} rounds; baseline = INSERTs of ${batch} rows, a transaction a round, ${(insertMs / 1000).toFixed(2)} s; ` +
          `hub = from each commit (feed kicked) until the live state counts the round, ${(feedMs / 1000).toFixed(2)} s, ` +
          `in feed transactions of FEED_BATCH_SIZE ${batchSize} (read, rollup upsert, cursor)`,
      ],
    };
  },
};
