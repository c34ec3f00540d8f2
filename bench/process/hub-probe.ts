import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import * as app from '../../src/app';
import type { RunningHub, StartOptions } from '../../src/app';
import type { HubConfig } from '../../src/config';
import { ApiRole } from '../../src/core/auth/api-role';
import { API_KEY_ISSUER } from '../../src/core/auth/keys/api-key-issuer';
import type { Viewer } from '../../src/core/auth/viewer';
import { LIVE, type LiveService } from '../../src/live/live-service';
import { footfallTotal, hubMetricsValuesOf } from '../live-watch';
import type { ProbeCommand, ProbeReply } from './probe-protocol';

/**
 * Preloaded (`node -r`) into the hub's own process, started from the built files as `npm start`
 * starts it: it takes the RunningHub that main.ts starts, and answers the bench's questions
 * over the IPC channel (live totals, feed kicks, keys, memory after a forced GC). It adds no
 * work to the hub's requests; the bench's load reaches the hub over HTTP and WebSocket only.
 */

const ADMIN: Viewer = { kind: 'client', clientId: null, name: 'npm run bench', role: ApiRole.ADMIN, department: null, hubId: null };
let running: RunningHub | undefined;
let keys = 0;

const original = app.startHub;
(app as { startHub: typeof app.startHub }).startHub = async (config: HubConfig, options: StartOptions) => {
  running = await original(config, options);
  send({ id: 0, kind: 'ready', port: running.port });
  return running;
};

const now = () => performance.timeOrigin + performance.now();
function send(reply: ProbeReply): void {
  process.send?.(reply);
}
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
function live(): LiveService {
  return running!.services.registry.get(LIVE);
}

/** Resolves with the wall-clock time (ms, sub-ms) when the live footfall total first reaches `target`. */
function whenReaches(target: number, timeoutMs: number, id: number): void {
  const service = live();
  let stop = () => {};
  const timer = setTimeout(() => {
    stop();
    send({ id, kind: 'error', message: `the live state did not count the rows in ${timeoutMs} ms: footfall ${footfallTotal(service)}, expected ${target}` });
  }, timeoutMs);
  const check = () => {
    if (footfallTotal(service) < target) return;
    const at = now();
    clearTimeout(timer);
    stop();
    send({ id, kind: 'reached', at });
  };
  stop = service.state.onChange(check);
  check();
}

/** How long callbacks wait for the event loop: what a busy hub adds to every await. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

let session: Session | undefined;
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));

process.on('message', (command: ProbeCommand) => {
  void (async () => {
    try {
      switch (command.cmd) {
        case 'drain':
          await live().drain();
          return send({ id: command.id, kind: 'done' });
        case 'kick':
          live().kick(command.feed);
          return send({ id: command.id, kind: 'done' });
        case 'footfall':
          return send({ id: command.id, kind: 'value', value: footfallTotal(live()) });
        case 'hubMetrics':
          return send({ id: command.id, kind: 'value', value: hubMetricsValuesOf(live(), command.hubId) });
        case 'watchFootfall': {
          const target = footfallTotal(live()) + command.by;
          send({ id: command.id, kind: 'armed' });
          return whenReaches(target, command.timeoutMs, command.id);
        }
        case 'key': {
          const issuer = running!.services.registry.get(API_KEY_ISSUER);
          const { key } = await issuer.create(ADMIN, { name: `bench ${command.role.toLowerCase()} ${++keys}`, role: command.role as ApiRole, department: command.department });
          return send({ id: command.id, kind: 'value', value: `Bearer ${key}` });
        }
        case 'memory': {
          collect();
          const { rss, heapUsed, external } = process.memoryUsage();
          return send({ id: command.id, kind: 'value', value: { rss, heapUsed, external } });
        }
        case 'cpu':
          return send({ id: command.id, kind: 'value', value: process.cpuUsage() });
        case 'loopDelay': {
          const ms = (ns: number) => ns / 1e6;
          const value = { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) };
          loopDelay.reset();
          return send({ id: command.id, kind: 'value', value });
        }
        case 'profileStart':
          session ??= new Session();
          session.connect();
          await post('Profiler.enable');
          await post('Profiler.start');
          return send({ id: command.id, kind: 'done' });
        case 'profileStop': {
          const { profile } = (await post('Profiler.stop')) as { profile: unknown };
          session?.disconnect();
          writeFileSync(command.file, JSON.stringify(profile));
          return send({ id: command.id, kind: 'done' });
        }
      }
    } catch (error) {
      send({ id: command.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
// The bench gone, the hub stops as on SIGTERM.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
