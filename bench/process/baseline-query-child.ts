import { createPool, type Pool } from 'mysql2/promise';
import { startBaseline } from '../baseline-server';
import { THROUGHPUT_QUERIES } from '../scenarios/throughput-queries';

/**
 * A query scenario's baseline in a process of its own: node:http + mysql2 answering the same
 * JSON as the hub (the scenario's `baseline`), on pools of its own. Started by queryThroughput.
 */
interface Start {
  id: number;
  scenario: string;
  sourceUrls: Record<string, string>;
}

process.on('message', ({ id, scenario, sourceUrls }: Start) => {
  void (async () => {
    try {
      const definition = THROUGHPUT_QUERIES.find((q) => q.name === scenario);
      if (!definition) throw new Error(`no throughput scenario ${scenario}`);
      const pools: Record<string, Pool> = Object.fromEntries(Object.entries(sourceUrls).map(([n, uri]) => [n, createPool({ uri, connectionLimit: 10, timezone: 'Z' })]));
      // A static list is read once: the baseline then costs node:http + JSON.stringify only.
      const once = definition.staticBaseline ? await definition.baseline(pools) : undefined;
      const server = await startBaseline(once !== undefined ? async () => once : () => definition.baseline(pools));
      process.send?.({ id, kind: 'started', url: server.url });
    } catch (error) {
      process.send?.({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
