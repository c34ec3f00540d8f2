import { BaselineWsServer } from './baseline-ws-server';
import { retainedBytes } from './heap';
import { hubMetricsPayload, type HubMetricsValues } from './screen-socket';

/**
 * The fan-out's baseline server, in a process of its own (started by BaselineWsProcess,
 * bench/baseline-ws-process.ts): its sockets are not on the hub's event loop nor in its
 * descriptor table, and its memory is its own to measure.
 */

export type BaselineCommand = { cmd: 'start'; values: Omit<HubMetricsValues, 'updatedAt'> } | { cmd: 'broadcast' } | { cmd: 'memory' } | { cmd: 'close' };
export type BaselineReply =
  | { kind: 'started'; url: string }
  | { kind: 'broadcast'; sent: number }
  | { kind: 'memory'; rssBytes: number; heldBytes: number }
  | { kind: 'closed' };

const reply = (message: BaselineReply) => process.send?.(message);
let server: BaselineWsServer | undefined;
let values: Omit<HubMetricsValues, 'updatedAt'> | undefined;
let idleBytes = 0;

// The hub's message for the same state, with the publish time (now) as updatedAt.
const payload = () => hubMetricsPayload({ ...values!, updatedAt: new Date() });

process.on('message', (command: BaselineCommand) => {
  void (async () => {
    if (command.cmd === 'start') {
      values = command.values;
      server = await BaselineWsServer.start(() => [payload()]);
      retainedBytes(); // a forced GC, then the idle RSS
      idleBytes = process.memoryUsage().rss;
      reply({ kind: 'started', url: server.url });
    } else if (command.cmd === 'broadcast') {
      values!.footfallToday++;
      values!.occupancy++;
      reply({ kind: 'broadcast', sent: server!.broadcast(payload()) });
    } else if (command.cmd === 'memory') {
      retainedBytes();
      const rssBytes = process.memoryUsage().rss;
      reply({ kind: 'memory', rssBytes, heldBytes: rssBytes - idleBytes });
    } else if (command.cmd === 'close') {
      await server?.close();
      reply({ kind: 'closed' });
      setTimeout(() => process.exit(0), 50);
    }
  })();
});
process.on('disconnect', () => process.exit(0));
