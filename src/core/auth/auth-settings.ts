import { readInt, type Env } from '../env-setting';

/** How keys are checked (docs/access-control.md). */
export interface AuthSettings {
  /** A key checked against the hub's own database stays valid this long while that database is down. */
  keyGraceMs: number;
}

/** Reads the auth settings; a bad value throws a ConfigError naming the variable. */
export function readAuthSettings(env: Env): AuthSettings {
  return { keyGraceMs: readInt(env, 'KEY_GRACE_MINUTES', 10, { min: 0, max: 24 * 60 }) * 60_000 };
}
