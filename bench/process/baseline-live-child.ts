import { createPool } from 'mysql2/promise';
import { BaselineFeedPoller } from '../baseline-feed-poller';
import { baselineIngest } from '../baseline-ingest';
import { BaselineLive } from '../baseline-live';
import { startBaseline } from '../baseline-server';

/**
 * The freshness scenarios' baselines in a process of their own: a raw ws "live state" fed either
 * by a mysql2 poller of footfall_reading (`poller`) or by a node:http endpoint taking
 * recordFootfall's body and INSERTing it (`ingest`). Started by BaselineLiveProcess.
 */
export type BaselineLiveStart = { id: number; mode: 'poller' | 'ingest'; iotUrl: string; hubIds: number[]; pollMs: number };

let stop: (() => Promise<void>) | undefined;

process.on('message', (command: BaselineLiveStart) => {
  void (async () => {
    try {
      const pool = createPool({ uri: command.iotUrl, connectionLimit: 10, timezone: 'Z' });
      const live = await BaselineLive.start(command.hubIds);
      if (command.mode === 'poller') {
        const poller = await BaselineFeedPoller.start(pool, command.pollMs, (rows) => live.add(rows));
        stop = async () => {
          await poller.stop();
          await live.close();
          await pool.end();
        };
        process.send?.({ id: command.id, kind: 'started', wsUrl: live.url });
      } else {
        const endpoint = await startBaseline(baselineIngest(pool, live));
        stop = async () => {
          await endpoint.close();
          await live.close();
          await pool.end();
        };
        process.send?.({ id: command.id, kind: 'started', wsUrl: live.url, httpUrl: endpoint.url });
      }
    } catch (error) {
      process.send?.({ id: command.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
process.on('SIGTERM', () => void (stop?.() ?? Promise.resolve()).finally(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
