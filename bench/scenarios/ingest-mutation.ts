import { ApiRole } from '../../src/core/auth/api-role';
import { FOOTFALL_FEED } from '../../src/departments/iot/feeds/footfall-feed';
import { enteredSum, hubIdsOf, ingestRounds, newSensors, rawInsert, readingsToday, recordFootfall } from '../footfall-rows';
import type { Figure } from '../report';
import type { BenchScenario } from '../scenario';

const COUNTED_TIMEOUT_MS = 300_000;

export const ingestMutation: BenchScenario = {
  name: 'ingest-mutation',
  title: 'footfall rows/s through recordFootfall (DEPARTMENT key of iot), against raw mysql2 multi-row INSERTs of as many rows',
  async run(bench, settings) {
    const figures: Figure[] = [];
    const notes: string[] = [];
    const hubIds = await hubIdsOf(bench.pools);
    const authorization = await bench.authorization(ApiRole.DEPARTMENT, 'iot');
    for (const batch of settings.ingestBatches) {
      const count = settings.ingestRows;
      // The same number of rows a side, same shape, same batch size; each side its own sensors.
      const baseRows = readingsToday(await newSensors(bench.pools, hubIds), count);
      const hubRows = readingsToday(await newSensors(bench.pools, hubIds), count);
      const rounds = ingestRounds(count, batch);
      let baseMs = 0;
      let ackedMs = 0;
      let countedMs = 0;
      await bench.live.drain();
      for (const [from, to] of rounds) {
        // Baseline: raw INSERTs, each committed (a call's answer means its rows are stored); then the feed counts them (not timed) so that the hub's turn starts idle.
        const base = baseRows.slice(from, to);
        // Armed before the INSERT: the feed may count the rows as soon as they commit.
        const { reached: settled } = await bench.live.whenFootfallGrows(enteredSum(base), COUNTED_TIMEOUT_MS);
        baseMs += await rawInsert(bench.pools.iot, base, batch, 'batch');
        await bench.live.kick(FOOTFALL_FEED);
        await settled;

        // The hub: one call after the other, as a department's system sends them; the feed runs meanwhile.
        const rows = hubRows.slice(from, to);
        const { reached: counted } = await bench.live.whenFootfallGrows(enteredSum(rows), COUNTED_TIMEOUT_MS);
        const started = performance.now();
        for (let i = 0; i < rows.length; i += batch) await recordFootfall(bench.url, authorization, rows.slice(i, i + batch));
        ackedMs += performance.now() - started;
        countedMs += (await counted) - started;
      }

      const perSecond = (ms: number) => (count / ms) * 1000;
      const label = `batches of ${batch.toLocaleString('en-US')}:`;
      figures.push(
        { scenario: this.name, label: `${label} rows/s, all calls answered`, unit: 'rows/s', hub: perSecond(ackedMs), baseline: perSecond(baseMs), better: 'higher' },
        { scenario: this.name, label: `${label} rows/s, until on the live state`, unit: 'rows/s', hub: perSecond(countedMs), baseline: perSecond(baseMs), better: 'higher' },
      );
      notes.push(
        `${count} rows a side over ${hubIds.length} hubs, calls of ${batch} one at a time, in ${rounds.length} alternating rounds; ` +
          `hub ${(ackedMs / 1000).toFixed(2)} s answered, ${(countedMs / 1000).toFixed(2)} s until counted; baseline INSERTs of ${batch} rows (each committed by itself, as a call is) ${(baseMs / 1000).toFixed(2)} s`,
      );
    }
    return { figures, notes };
  },
};
