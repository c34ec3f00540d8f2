import path from 'node:path';
import { ConfigError } from './core/config-error';
import { readSourceConfig, sourceExternalVariable, sourceTimezoneVariable, sourceUrlVariable, UTC_OFFSET, type SourceConfig } from './core/data-sources/source-config';
import { HUB_SOURCE } from './core/data-sources/hub-source-name';
import { readChoice, readInt, readOnOff, readOptionalString, readSecret, readString, type Env } from './core/env-setting';

export { HUB_SOURCE } from './core/data-sources/hub-source-name';

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  /** One entry per data source: the hub's own and one per department. */
  sources: Record<string, SourceConfig>;
  /** Unset: pub/sub in this process only. */
  redisUrl?: string;
  /** Accepted as an ADMIN key when set. */
  adminSecret?: string;
  /** HS256 key of the residents' tokens; unset: no resident can sign in. */
  residentJwtSecret?: string;
  /** Writes simulated door-counter readings and canteen meals (demo). */
  simulator: boolean;
  /** REDIS_PREFIX: prefix of the Redis channels and lease keys, so several hub deployments can share a Redis. */
  redisPrefix: string;
  /** Seeds the demo district into empty sources at start. */
  demoSeed: boolean;
  nodeEnv: 'production' | 'development' | 'test';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** INTROSPECTION: whether the schema may be introspected (on by default; the schema is public). */
  introspection: boolean;
  /**
   * The environment these settings were read from: the live layer, the server and each department
   * read their own settings from it at start (src/live/live-settings.ts, src/server/limits/request-limits.ts).
   */
  env: Env;
}

/**
 * Reads and validates the environment. `sourceNames` lists the departments' sources, so that a
 * new department's `<NAME>_DB_URL` is read without touching this file.
 * Throws a ConfigError whose message is one line naming the variable.
 */
export function loadConfig(env: Env, departmentSources: readonly string[]): HubConfig {
  const dataDir = path.resolve(readString(env, 'DATA_DIR', './data'));
  const sources: Record<string, SourceConfig> = {};
  for (const name of [HUB_SOURCE, ...departmentSources]) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new ConfigError(sourceUrlVariable(name), `"${name}" is not a valid source name`);
    sources[name] = readSourceConfig(name, env, dataDir);
  }
  // The hub's own source holds its keys and watermarks, which it writes.
  if (sources[HUB_SOURCE].external) throw new ConfigError(sourceExternalVariable(HUB_SOURCE), "the hub's own source is always managed by the hub");
  if (sources[HUB_SOURCE].timezone !== UTC_OFFSET) throw new ConfigError(sourceTimezoneVariable(HUB_SOURCE), "the hub's own source keeps UTC");
  const allEmbedded = Object.values(sources).every((s) => s.driver === 'sqlite');
  const redisUrl = readOptionalString(env, 'REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  }
  return {
    port: readInt(env, 'PORT', 4000, { min: 0, max: 65535 }),
    host: readString(env, 'HOST', '0.0.0.0'),
    dataDir,
    sources,
    redisUrl,
    adminSecret: readSecret(env, 'HUB_ADMIN_SECRET', 16),
    residentJwtSecret: readSecret(env, 'RESIDENT_JWT_SECRET', 32),
    simulator: readOnOff(env, 'SIMULATOR', allEmbedded),
    redisPrefix: readString(env, 'REDIS_PREFIX', 'xingfu:'),
    demoSeed: readOnOff(env, 'DEMO_SEED', true),
    nodeEnv: readChoice(env, 'NODE_ENV', ['production', 'development', 'test'] as const, 'production'),
    logLevel: readChoice(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    introspection: readOnOff(env, 'INTROSPECTION', true),
    env,
  };
}
