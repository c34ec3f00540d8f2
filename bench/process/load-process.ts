import { fork } from 'node:child_process';
import path from 'node:path';
import { IpcChild } from './ipc-child';
import type { LoadReply, LoadSlice, LoadTarget } from './load-protocol';

/** The load generator's process (bench/process/load-child.ts): autocannon, away from the hub's and the baseline's event loops. */
export class LoadProcess {
  private constructor(private readonly ipc: IpcChild<LoadReply>) {}

  static start(): LoadProcess {
    const child = fork(path.join(__dirname, 'load-child.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return new LoadProcess(new IpcChild<LoadReply>(child, 'the load process'));
  }

  async run(target: LoadTarget, connections: number, seconds: number, overallRate?: number): Promise<LoadSlice> {
    return ((await this.ipc.ask({ target, connections, seconds, overallRate }, 'result')) as { result: LoadSlice }).result;
  }

  stop(): Promise<void> {
    return this.ipc.stop(2_000);
  }
}

/** Slices of one side merged: counts add, rates over the summed time, latencies the worst slice's (autocannon gives percentiles, not samples). */
export function mergeSlices(slices: readonly LoadSlice[]): LoadSlice {
  const answered = slices.reduce((n, s) => n + s.answered, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  const weighted = (pick: (s: LoadSlice) => number) => slices.reduce((n, s) => n + pick(s) * s.answered, 0) / Math.max(1, answered);
  return {
    answered,
    failed: slices.reduce((n, s) => n + s.failed, 0),
    seconds,
    perSecond: answered / seconds,
    p50Ms: weighted((s) => s.p50Ms),
    p99Ms: Math.max(...slices.map((s) => s.p99Ms)),
  };
}
