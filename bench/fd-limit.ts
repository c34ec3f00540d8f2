import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface FdLimit {
  soft: number;
  hard: number;
}

/** This process's open-file limit (`ulimit -n`), from /proc; undefined where there is none. */
export function fdLimit(): FdLimit | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const [soft, hard] = (line?.split(/\s{2,}/).slice(1, 3) ?? []).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
    return soft !== undefined && hard !== undefined && !Number.isNaN(soft) && !Number.isNaN(hard) ? { soft, hard } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Node raises its soft open-file limit to the hard one when it starts; when even that is below
 * `needed`, and a shell may raise it (`ulimit -n`, e.g. as root), runs this same command again
 * under the raised limit (once) and exits with its status. Otherwise returns, and the caller
 * fits in what there is.
 */
export function raiseFdLimitOrContinue(needed: number): void {
  const limit = fdLimit();
  if (!limit || limit.soft >= needed || process.env.BENCH_FD_RAISED) return;
  if (spawnSync('/bin/sh', ['-c', `ulimit -n ${needed}`]).status !== 0) {
    process.stdout.write(`open-file limit ${limit.soft} < ${needed}, and ulimit -n may not raise it: fewer subscribers\n`);
    return;
  }
  process.stdout.write(`open-file limit ${limit.soft} < ${needed}: running again under ulimit -n ${needed}\n`);
  const result = spawnSync('/bin/sh', ['-c', `ulimit -n ${needed} && exec "$0" "$@"`, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_FD_RAISED: '1' },
  });
  process.exit(result.status ?? 1);
}
