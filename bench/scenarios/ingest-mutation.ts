import { ApiRole } from '../../src/core/auth/api-role';
import { FOOTFALL_FEED } from '../../src/departments/iot/feeds/footfall-feed';
import { enteredSum, hubIdsOf, newSensors, rawInsert, readingsToday, recordFootfall } from '../footfall-rows';
import { footfallTotal, whenFootfallReaches } from '../live-watch';
import type { BenchScenario } from '../scenario';

const COUNTED_TIMEOUT_MS = 300_000;

export const ingestMutation: BenchScenario = {
  name: 'ingest-mutation',
  title: 'footfall rows/s through recordFootfall (DEPARTMENT key of iot), against raw mysql2 multi-row INSERTs of as many rows',
  async run(bench, settings) {
    const { ingestRows: count, ingestBatch: batch } = settings;
    const hubIds = await hubIdsOf(bench.pools);
    await bench.live.drain();

    // Baseline: the same number of rows, same shape, same batch size, other sensors.
    const baseRows = readingsToday(await newSensors(bench.pools, hubIds), count);
    const baseMs = await rawInsert(bench.pools.iot, baseRows, batch);
    // Let the feed count them before the hub's turn, so that it starts idle.
    const settled = whenFootfallReaches(bench.live, footfallTotal(bench.live) + enteredSum(baseRows), COUNTED_TIMEOUT_MS);
    bench.live.kick(FOOTFALL_FEED);
    await settled;

    const authorization = await bench.authorization(ApiRole.DEPARTMENT, 'iot');
    const rows = readingsToday(await newSensors(bench.pools, hubIds), count);
    const counted = whenFootfallReaches(bench.live, footfallTotal(bench.live) + enteredSum(rows), COUNTED_TIMEOUT_MS);
    const started = performance.now();
    for (let i = 0; i < rows.length; i += batch) await recordFootfall(bench.url, authorization, rows.slice(i, i + batch));
    const ackedMs = performance.now() - started;
    const countedMs = (await counted) - started;

    const perSecond = (ms: number) => (count / ms) * 1000;
    return {
      figures: [
        { scenario: this.name, label: 'recordFootfall rows/s, all calls answered', unit: 'rows/s', hub: perSecond(ackedMs), baseline: perSecond(baseMs), better: 'higher' },
        { scenario: this.name, label: 'recordFootfall rows/s, until on the live state', unit: 'rows/s', hub: perSecond(countedMs), baseline: perSecond(baseMs), better: 'higher' },
      ],
      notes: [
        `${count} rows over ${hubIds.length} hubs in calls of ${batch}, one call at a time (the feed runs meanwhile, kicked by each call); ` +
          `hub ${(ackedMs / 1000).toFixed(2)} s answered, ${(countedMs / 1000).toFixed(2)} s counted; baseline INSERTs of ${batch} rows in one transaction ${(baseMs / 1000).toFixed(2)} s`,
      ],
    };
  },
};
