import { FOOTFALL_FEED } from '../../src/departments/iot/feeds/footfall-feed';
import { enteredSum, hubIdsOf, newSensors, rawInsert, readingsToday } from '../footfall-rows';
import { footfallTotal, whenFootfallReaches } from '../live-watch';
import type { BenchScenario } from '../scenario';

const COUNTED_TIMEOUT_MS = 300_000;

export const ingestFeed: BenchScenario = {
  name: 'ingest-feed',
  title: 'footfall rows/s through the change feed (rows written straight into footfall_reading), against the raw mysql2 multi-row INSERT that wrote them',
  async run(bench, settings) {
    const { ingestRows: count, ingestBatch: batch } = settings;
    const hubIds = await hubIdsOf(bench.pools);
    await bench.live.drain();
    const rows = readingsToday(await newSensors(bench.pools, hubIds), count);
    const counted = whenFootfallReaches(bench.live, footfallTotal(bench.live) + enteredSum(rows), COUNTED_TIMEOUT_MS);

    // One transaction: the feed (polling meanwhile) sees nothing until the commit, then all of it.
    const insertMs = await rawInsert(bench.pools.iot, rows, batch);
    const committed = performance.now();
    bench.live.kick(FOOTFALL_FEED);
    const feedMs = (await counted) - committed;

    const batchSize = bench.config.live.feedBatchSize;
    return {
      figures: [{ scenario: this.name, label: 'feed rows/s, commit -> all on the live state', unit: 'rows/s', hub: (count / feedMs) * 1000, baseline: (count / insertMs) * 1000, better: 'higher' }],
      notes: [
        `${count} rows over ${hubIds.length} hubs; baseline = INSERTs of ${batch} rows in one transaction, ${(insertMs / 1000).toFixed(2)} s; ` +
          `hub = from the commit (feed kicked) until the live state counts them all, ${(feedMs / 1000).toFixed(2)} s: ` +
          `${Math.ceil(count / batchSize)} feed transactions of FEED_BATCH_SIZE ${batchSize} (read, rollup upsert, cursor)`,
      ],
    };
  },
};
