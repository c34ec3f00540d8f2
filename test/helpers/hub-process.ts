import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const MAIN = path.resolve(__dirname, '../../dist/src/main.js');

export interface HubProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Runs the compiled hub (`dist/src/main.js`, built by the test run's global setup) as `npm start` does. */
export function runHubProcess(env: Record<string, string>): HubProcess {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the hub prints its GraphQL URL, and returns it. */
export async function graphqlUrlOf(hub: HubProcess, timeoutMs = 60_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const match = /GraphQL\s+(http:\/\/\S+)/.exec(hub.stdout());
    if (match) return match[1];
    if (hub.child.exitCode !== null) throw new Error(`the hub exited (${hub.child.exitCode}): ${hub.stderr()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`the hub did not start in time: ${hub.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
