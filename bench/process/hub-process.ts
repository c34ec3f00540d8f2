import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiRole } from '../../src/core/auth/api-role';
import type { HubMetricsValues } from '../screen-socket';
import { IpcChild } from './ipc-child';
import type { ProbeReply, ProbeRequest } from './probe-protocol';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const PROBE = path.join(__dirname, 'hub-probe.js');

export interface ProcessMemory {
  rss: number;
  heapUsed: number;
  external: number;
}

/**
 * The hub in a process of its own, started from the built files as `npm start` starts it
 * (`node dist/src/main.js`, after the bench's build-if-stale), with `--expose-gc` and the
 * bench's probe preloaded (bench/process/hub-probe.ts). What the hub prints goes to this
 * process's stderr.
 */
export class HubProcess {
  private constructor(
    private readonly ipc: IpcChild<ProbeReply>,
    readonly port: number,
  ) {}

  static async start(env: NodeJS.ProcessEnv, name = 'the hub process'): Promise<HubProcess> {
    const child = spawn(process.execPath, ['--expose-gc', '-r', PROBE, MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let printed = '';
    child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()).length > 20_000 && (printed = printed.slice(-10_000)));
    const ipc = new IpcChild<ProbeReply>(child, name);
    try {
      const ready = await ipc.answer(0, 'ready');
      return new HubProcess(ipc, (ready as { port: number }).port);
    } catch (error) {
      throw new Error(`${(error as Error).message}; it printed: ${printed.slice(-2_000)}`);
    }
  }

  get pid(): number {
    return this.ipc.child.pid!;
  }

  private async value<T>(request: ProbeRequest): Promise<T> {
    return ((await this.ipc.ask(request, 'value')) as { value: T }).value;
  }

  /** Every feed run until it has nothing more to read. */
  async drain(): Promise<void> {
    await this.ipc.ask({ cmd: 'drain' }, 'done');
  }

  async kick(feed: string): Promise<void> {
    await this.ipc.ask({ cmd: 'kick', feed }, 'done');
  }

  footfallTotal(): Promise<number> {
    return this.value({ cmd: 'footfall' });
  }

  hubMetricsValues(hubId: number): Promise<HubMetricsValues> {
    return this.value({ cmd: 'hubMetrics', hubId });
  }

  /**
   * Arms a watch in the hub (resolves once armed): `reached` resolves with this
   * process's `performance.now()` of the moment the hub's live footfall total grew by `by`.
   */
  async whenFootfallGrows(by: number, timeoutMs: number): Promise<{ reached: Promise<number> }> {
    const id = this.ipc.send({ cmd: 'watchFootfall', by, timeoutMs });
    const armed = this.ipc.answer(id, 'armed');
    const reached = this.ipc.answer(id, 'reached').then((r) => (r as { at: number }).at - performance.timeOrigin);
    reached.catch(() => undefined);
    await armed;
    // Wrapped: an async function returning a promise would wait for it.
    return { reached };
  }

  /** `Bearer <key>` of a new API key, issued in the hub as the admin would (audited). */
  authorization(role: ApiRole, department?: string): Promise<string> {
    return this.value({ cmd: 'key', role, department });
  }

  /** After a forced full GC in the hub's process. */
  memory(): Promise<ProcessMemory> {
    return this.value({ cmd: 'memory' });
  }

  /** The hub process's CPU time so far, µs. */
  cpuUsage(): Promise<NodeJS.CpuUsage> {
    return this.value({ cmd: 'cpu' });
  }

  /** The hub's event-loop delay (ms) since the last call. */
  loopDelay(): Promise<{ p50: number; p99: number; max: number }> {
    return this.value({ cmd: 'loopDelay' });
  }

  /** Starts a CPU profile of the hub's process (the V8 profiler, as node --cpu-prof uses). */
  async profileStart(): Promise<void> {
    await this.ipc.ask({ cmd: 'profileStart' }, 'done');
  }

  /** Stops it and writes it to `file` (.cpuprofile: Chrome DevTools or bench/profile-summary.ts read it). */
  async profileStop(file: string): Promise<void> {
    await this.ipc.ask({ cmd: 'profileStop', file }, 'done');
  }

  /** SIGTERM (the hub stops as in production). */
  stop(): Promise<void> {
    return this.ipc.stop();
  }
}
