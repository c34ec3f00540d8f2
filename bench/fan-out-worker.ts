import type WebSocket from 'ws';
import { openScreenSocket, updatedAtOf } from './screen-socket';

/**
 * A client process of the fan-out benchmark: holds a share of the subscriber sockets, times
 * every message, and tells the parent when each event has reached all of its sockets.
 * Started by SubscriberFleet (bench/subscriber-fleet.ts) with child_process.fork.
 */

export type WorkerCommand =
  | { cmd: 'open'; url: string; authorization?: string; query: string; variables: Record<string, unknown>; count: number; concurrency: number }
  | { cmd: 'report'; events: number[] }
  | { cmd: 'close' };

export interface EventDelivery {
  /** The event's publish time: the message's `updatedAt` (ms since the epoch). */
  t: number;
  /** Sockets of this worker that received it. */
  count: number;
  /** When the last of them did (ms since the epoch, sub-ms). */
  last: number;
}

export type WorkerMessage =
  | { kind: 'opened'; ready: number; failed: number; failures: string[]; ms: number; sample: string | null; rssBytes: number }
  | { kind: 'arrived'; t: number }
  | { kind: 'delivered'; t: number; last: number }
  | { kind: 'report'; latencies: number[]; events: EventDelivery[]; ended: number; endReasons: string[]; malformed: number }
  | { kind: 'closed' };

interface Screen {
  socket: WebSocket;
  ready: boolean;
}

interface Arrivals {
  latencies: number[];
  count: number;
  last: number;
  notified: boolean;
}

const OPEN_TIMEOUT_MS = 60_000;

const send = (message: WorkerMessage) => process.send?.(message);
const screens: Screen[] = [];
const arrivals = new Map<number, Arrivals>();
const endReasons = new Map<string, number>();
let live = 0;
let ended = 0;
let malformed = 0;
let sample: string | null = null;

function onMessage(screen: Screen, text: string, arrivedAt: number, ready: () => void): void {
  if (!screen.ready) {
    // The first message is the current state a subscription starts with: not an event.
    screen.ready = true;
    live++;
    sample ??= text;
    ready();
    return;
  }
  const t = updatedAtOf(text);
  if (Number.isNaN(t)) {
    malformed++;
    return;
  }
  let a = arrivals.get(t);
  if (!a) {
    a = { latencies: [], count: 0, last: 0, notified: false };
    arrivals.set(t, a);
    send({ kind: 'arrived', t });
  }
  a.latencies.push(arrivedAt - t);
  a.count++;
  if (arrivedAt > a.last) a.last = arrivedAt;
  if (!a.notified && a.count >= live) {
    a.notified = true;
    send({ kind: 'delivered', t, last: a.last });
  }
}

async function open(command: Extract<WorkerCommand, { cmd: 'open' }>): Promise<void> {
  const started = performance.now();
  const failures: string[] = [];
  let next = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      let settled = false;
      const settle = () => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        failures.push('no first message within 60 s');
        screen.socket.terminate();
        settle();
      }, OPEN_TIMEOUT_MS);
      const screen: Screen = {
        ready: false,
        socket: openScreenSocket({
          url: command.url,
          authorization: command.authorization,
          query: command.query,
          variables: command.variables,
          onNext: (text, at) => onMessage(screen, text, at, settle),
          onEnd: (reason) => {
            if (screen.ready) {
              live--;
              ended++;
              endReasons.set(reason, (endReasons.get(reason) ?? 0) + 1);
            } else failures.push(reason);
            settle();
          },
        }),
      };
      screens.push(screen);
    });
  await Promise.all(
    Array.from({ length: command.concurrency }, async () => {
      while (next < command.count) {
        next++;
        await one();
      }
    }),
  );
  if (sample) {
    const payload = (JSON.parse(sample) as { payload?: { data?: { hubMetrics?: unknown }; errors?: unknown } }).payload;
    if (!payload?.data?.hubMetrics || payload.errors) failures.push(`the first message is not a hubMetrics state: ${sample.slice(0, 200)}`);
  }
  send({ kind: 'opened', ready: live, failed: command.count - live, failures: failures.slice(0, 5), ms: performance.now() - started, sample, rssBytes: process.memoryUsage().rss });
}

function report(events: number[]): void {
  const latencies: number[] = [];
  const deliveries: EventDelivery[] = [];
  for (const t of events) {
    const a = arrivals.get(t);
    if (a) latencies.push(...a.latencies);
    deliveries.push({ t, count: a?.count ?? 0, last: a?.last ?? 0 });
  }
  send({ kind: 'report', latencies, events: deliveries, ended, endReasons: [...endReasons].map(([r, n]) => `${n}× ${r}`), malformed });
}

process.on('message', (command: WorkerCommand) => {
  if (command.cmd === 'open') void open(command);
  else if (command.cmd === 'report') report(command.events);
  else if (command.cmd === 'close') {
    for (const screen of screens) screen.socket.terminate();
    send({ kind: 'closed' });
    setTimeout(() => process.exit(0), 50);
  }
});
// The parent went away: nothing to report to.
process.on('disconnect', () => process.exit(0));
