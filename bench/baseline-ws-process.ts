import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BaselineCommand, BaselineReply } from './baseline-ws-child';
import type { HubMetricsValues } from './screen-socket';

/** The parent's handle on the fan-out's baseline server process (bench/baseline-ws-child.ts). */
export class BaselineWsProcess {
  private readonly replies: ((reply: BaselineReply) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    public url = '',
  ) {
    child.on('message', (reply: BaselineReply) => this.replies.shift()?.(reply));
  }

  static async start(values: Omit<HubMetricsValues, 'updatedAt'>): Promise<BaselineWsProcess> {
    const handle = new BaselineWsProcess(fork(path.join(__dirname, 'baseline-ws-child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const started = await handle.ask({ cmd: 'start', values });
    if (started.kind === 'started') handle.url = started.url;
    return handle;
  }

  /** Writes the next state to every subscribed socket (stamped with the time it starts). */
  async broadcast(): Promise<void> {
    await this.ask({ cmd: 'broadcast' });
  }

  async memory(): Promise<{ rssBytes: number; heldBytes: number }> {
    const reply = await this.ask({ cmd: 'memory' });
    return reply.kind === 'memory' ? reply : { rssBytes: NaN, heldBytes: NaN };
  }

  async close(): Promise<void> {
    if (this.child.connected) await this.ask({ cmd: 'close' }).catch(() => undefined);
    if (this.child.exitCode === null) await Promise.race([new Promise((r) => this.child.once('exit', r)), new Promise((r) => setTimeout(r, 5_000))]);
    if (this.child.exitCode === null) this.child.kill();
  }

  private ask(command: BaselineCommand): Promise<BaselineReply> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the baseline ws process exited (${code}) before answering ${command.cmd}`));
      this.child.once('exit', onExit);
      this.replies.push((reply) => {
        this.child.off('exit', onExit);
        resolve(reply);
      });
      this.child.send(command);
    });
  }
}
