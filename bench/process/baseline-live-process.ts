import { fork } from 'node:child_process';
import path from 'node:path';
import { IpcChild } from './ipc-child';

type Started = { id: number; kind: string; wsUrl?: string; httpUrl?: string };

/** A freshness baseline (bench/process/baseline-live-child.ts) in its own process. */
export class BaselineLiveProcess {
  private constructor(
    private readonly ipc: IpcChild<Started>,
    /** The raw ws server the baseline's screen subscribes to. */
    readonly wsUrl: string,
    /** The ingest endpoint (mode `ingest`). */
    readonly httpUrl: string,
  ) {}

  static async start(mode: 'poller' | 'ingest', iotUrl: string, hubIds: readonly number[], pollMs = 1_000): Promise<BaselineLiveProcess> {
    const child = fork(path.join(__dirname, 'baseline-live-child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ipc = new IpcChild<Started>(child, `the ${mode} baseline process`);
    const started = await ipc.ask({ mode, iotUrl, hubIds, pollMs }, 'started');
    return new BaselineLiveProcess(ipc, started.wsUrl!, started.httpUrl ?? '');
  }

  stop(): Promise<void> {
    return this.ipc.stop(5_000);
  }
}
