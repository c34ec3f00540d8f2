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
 * Node cannot raise its own limit: when `needed` descriptors exceed the soft limit and the hard
 * limit allows more, runs this same command again under `ulimit -n` (once) and exits with its
 * status. Otherwise returns, and the caller fits in what there is.
 */
export function raiseFdLimitOrContinue(needed: number): void {
  const limit = fdLimit();
  if (!limit || limit.soft >= needed || limit.hard <= limit.soft || process.env.BENCH_FD_RAISED) return;
  const target = limit.hard === Infinity ? needed : Math.min(limit.hard, Math.max(needed, limit.soft));
  process.stdout.write(`open-file limit ${limit.soft} < ${needed}: running again under ulimit -n ${target}\n`);
  const result = spawnSync('/bin/sh', ['-c', `ulimit -n ${target} && exec "$0" "$@"`, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_FD_RAISED: '1' },
  });
  process.exit(result.status ?? 1);
}
