import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { EventDelivery, WorkerCommand, WorkerMessage } from './fan-out-worker';

export interface FleetOptions {
  url: string;
  authorization?: string;
  query: string;
  variables: Record<string, unknown>;
  /** Sockets in all, one subscription each. */
  total: number;
  /** Client processes to spread them over. */
  workers: number;
  /** Handshakes in flight per process while opening. */
  concurrency: number;
}

export interface FleetOpened {
  ready: number;
  failed: number;
  failures: string[];
  /** Time until the slowest process had every socket subscribed (first message received). */
  ms: number;
  /** A first message, as received. */
  sample: string | null;
  /** Resident memory of the client processes together. */
  rssBytes: number;
}

export interface FleetReport {
  /** Arrival − publish of every delivery of the given events, ms. */
  latencies: number[];
  /** Per event: deliveries over every socket, and when the last arrived. */
  events: EventDelivery[];
  /** Sockets that ended after subscribing, and why. */
  ended: number;
  endReasons: string[];
  malformed: number;
}

interface Worker {
  child: ChildProcess;
  /** The newest event that reached every socket of this process, and the newest that reached any. */
  delivered: { t: number; last: number };
  arrived: number;
  replies: ((message: WorkerMessage) => void)[];
}

/**
 * The fan-out's subscribers: `total` sockets over `workers` child processes (bench/fan-out-worker.ts),
 * so that the clients' work is not done on the event loop of the server they measure.
 */
export class SubscriberFleet {
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly workers: Worker[],
    readonly opened: FleetOpened,
  ) {}

  static async open(options: FleetOptions): Promise<SubscriberFleet> {
    const count = Math.min(options.workers, options.total);
    const workers: Worker[] = Array.from({ length: count }, () => ({
      child: fork(path.join(__dirname, 'fan-out-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      delivered: { t: 0, last: 0 },
      arrived: 0,
      replies: [],
    }));
    const fleet = new SubscriberFleet(workers, { ready: 0, failed: 0, failures: [], ms: 0, sample: null, rssBytes: 0 });
    for (const worker of workers) {
      worker.child.on('message', (message: WorkerMessage) => {
        if (message.kind === 'delivered') worker.delivered = { t: message.t, last: message.last };
        else if (message.kind === 'arrived') worker.arrived = Math.max(worker.arrived, message.t);
        else worker.replies.shift()?.(message);
        for (const wake of fleet.waiters) wake();
      });
    }
    const replies = await Promise.all(
      workers.map((worker, i) => {
        const share = Math.floor(options.total / count) + (i < options.total % count ? 1 : 0);
        const { url, authorization, query, variables, concurrency } = options;
        return fleet.ask(worker, { cmd: 'open', url, authorization, query, variables, count: share, concurrency });
      }),
    );
    for (const reply of replies) {
      if (reply.kind !== 'opened') continue;
      fleet.opened.ready += reply.ready;
      fleet.opened.failed += reply.failed;
      fleet.opened.failures.push(...reply.failures);
      fleet.opened.ms = Math.max(fleet.opened.ms, reply.ms);
      fleet.opened.sample ??= reply.sample;
      fleet.opened.rssBytes += reply.rssBytes;
    }
    return fleet;
  }

  /**
   * Waits for the next event after `after` (a publish time): resolves with its publish time once
   * every process reports it delivered to all its sockets (`complete`), or, after `timeoutMs`,
   * with what arrived (`complete: false`); null when nothing arrived at all.
   */
  waitForDelivery(after: number, timeoutMs: number): Promise<{ t: number; complete: boolean } | null> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.workers.every((w) => w.delivered.t > after)) return finish({ t: Math.max(...this.workers.map((w) => w.delivered.t)), complete: true });
      };
      const timer = setTimeout(() => {
        const arrived = Math.max(...this.workers.map((w) => w.arrived));
        finish(arrived > after ? { t: arrived, complete: false } : null);
      }, timeoutMs);
      const finish = (result: { t: number; complete: boolean } | null) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(result);
      };
      this.waiters.add(check);
      check();
    });
  }

  async report(events: number[]): Promise<FleetReport> {
    const replies = await Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'report', events })));
    const report: FleetReport = { latencies: [], events: events.map((t) => ({ t, count: 0, last: 0 })), ended: 0, endReasons: [], malformed: 0 };
    for (const reply of replies) {
      if (reply.kind !== 'report') continue;
      for (const l of reply.latencies) report.latencies.push(l);
      reply.events.forEach((e, i) => {
        report.events[i].count += e.count;
        report.events[i].last = Math.max(report.events[i].last, e.last);
      });
      report.ended += reply.ended;
      report.endReasons.push(...reply.endReasons);
      report.malformed += reply.malformed;
    }
    return report;
  }

  /** Drops every socket (as a screen losing power would) and ends the processes. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const exited = new Promise<void>((resolve) => (w.child.exitCode !== null ? resolve() : w.child.once('exit', () => resolve())));
        if (w.child.connected) await this.ask(w, { cmd: 'close' }).catch(() => undefined);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (w.child.exitCode === null) w.child.kill();
      }),
    );
  }

  private ask(worker: Worker, command: WorkerCommand): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`a fan-out client process exited (${code}) before answering ${command.cmd}`));
      worker.child.once('exit', onExit);
      worker.replies.push((message) => {
        worker.child.off('exit', onExit);
        resolve(message);
      });
      worker.child.send(command);
    });
  }
}
