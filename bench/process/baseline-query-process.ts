import { fork } from 'node:child_process';
import path from 'node:path';
import { IpcChild } from './ipc-child';

/** A query scenario's baseline server in its own process (bench/process/baseline-query-child.ts). */
export class BaselineQueryProcess {
  private constructor(
    private readonly ipc: IpcChild<{ id: number; kind: string; url?: string }>,
    readonly url: string,
  ) {}

  static async start(scenario: string, sourceUrls: Record<string, string>): Promise<BaselineQueryProcess> {
    const child = fork(path.join(__dirname, 'baseline-query-child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ipc = new IpcChild<{ id: number; kind: string; url?: string }>(child, `the ${scenario} baseline process`);
    const started = await ipc.ask({ scenario, sourceUrls }, 'started');
    return new BaselineQueryProcess(ipc, started.url!);
  }

  stop(): Promise<void> {
    return this.ipc.stop(2_000);
  }
}
