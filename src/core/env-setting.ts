import { ConfigError } from './config-error';

/** Readers for one environment variable each; a bad value throws a ConfigError naming it. */
export type Env = Record<string, string | undefined>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readString(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

export function readOptionalString(env: Env, name: string): string | undefined {
  return raw(env, name);
}

export function readInt(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `"${value}" is not a whole number`);
  const n = Number(value);
  if (n < range.min || n > range.max) throw new ConfigError(name, `${n} is outside ${range.min}..${range.max}`);
  return n;
}

export function readOptionalInt(env: Env, name: string, range: { min: number; max: number }): number | undefined {
  return raw(env, name) === undefined ? undefined : readInt(env, name, 0, range);
}

export function readOnOff(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(name, `"${value}" is not on or off`);
}

export function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new ConfigError(name, `"${value}" is not one of ${choices.join(', ')}`);
  }
  return value as T;
}

/** A secret: unset is allowed, but a set one must be long enough to resist guessing. */
export function readSecret(env: Env, name: string, minLength: number): string | undefined {
  const value = raw(env, name);
  if (value !== undefined && value.length < minLength) {
    throw new ConfigError(name, `must be at least ${minLength} characters long`);
  }
  return value;
}
