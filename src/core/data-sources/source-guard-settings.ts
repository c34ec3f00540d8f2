import { readInt, type Env } from '../env-setting';

/** How the hub guards each data source: timeouts, the circuit breaker, the health check (docs/operations.md). */
export interface SourceGuardSettings {
  /** A database call (connection wait included) that takes longer fails, and counts against its source. */
  queryTimeoutMs: number;
  /** Outage failures in a row that open a source's circuit breaker. */
  breakerFailures: number;
  /** The first probe of an open breaker comes after this long; then twice as long each time, up to probeMaxMs. */
  probeMinMs: number;
  probeMaxMs: number;
  /** How often each source is checked with a trivial query (and a down one probed). */
  checkMs: number;
}

/** Reads the guard settings; a bad value throws a ConfigError naming the variable. */
export function readSourceGuardSettings(env: Env): SourceGuardSettings {
  const settings: SourceGuardSettings = {
    queryTimeoutMs: readInt(env, 'DB_QUERY_TIMEOUT_MS', 5_000, { min: 100, max: 600_000 }),
    breakerFailures: readInt(env, 'DB_BREAKER_FAILURES', 3, { min: 1, max: 1_000 }),
    probeMinMs: readInt(env, 'DB_PROBE_MIN_MS', 500, { min: 50, max: 600_000 }),
    probeMaxMs: readInt(env, 'DB_PROBE_MAX_MS', 30_000, { min: 50, max: 3_600_000 }),
    checkMs: readInt(env, 'DB_CHECK_MS', 1_000, { min: 50, max: 600_000 }),
  };
  return settings;
}

/** The defaults, for a registry built without an environment (the command line, tests of parts). */
export const DEFAULT_SOURCE_GUARD_SETTINGS: SourceGuardSettings = readSourceGuardSettings({});
