import path from 'node:path';
import { ConfigError } from './core/config-error';
import { parseSourceUrl, sourceUrlVariable, type SourceConfig } from './core/data-sources/source-config';
import { readChoice, readInt, readOnOff, readOptionalInt, readOptionalString, readSecret, readString, type Env } from './core/env-setting';
import { readRequestLimits, type RequestLimits } from './server/limits/request-limits';

/** The hub's own source; the departments' sources are named after the departments. */
export const HUB_SOURCE = 'hub';

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
  /** Health aggregates: a count below this is shown as null, suppressed (small-cell rule). */
  healthSuppressBelow: number;
  /** Writes simulated door-counter readings and canteen meals (demo). */
  simulator: boolean;
  /** Change feeds, pushes to the screens, leases (docs/live-metrics.md). */
  live: LiveSettings;
  /** Seeds the demo district into empty sources at start. */
  demoSeed: boolean;
  nodeEnv: 'production' | 'development' | 'test';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** INTROSPECTION: whether the schema may be introspected (on by default; the schema is public). */
  introspection: boolean;
  /** Depth, cost, page size, body size, sockets, rate: see src/server/limits/request-limits.ts. */
  limits: RequestLimits;
  /** GET /metrics (docs/operations.md). */
  metrics: MetricsSettings;
}

export interface MetricsSettings {
  /** METRICS_PORT: a port of its own for /metrics; unset, it is served on the main port. */
  port?: number;
  /** METRICS_TOKEN: the bearer token a scraper sends; unset, only loopback callers are answered. */
  token?: string;
}

export interface LiveSettings {
  /** Least time between two messages of one topic to one socket. */
  pushIntervalMs: number;
  /** How often a feed looks for new rows when nothing kicks it. */
  feedPollMs: number;
  feedBatchSize: number;
  /** How long an id missing below the watermark is re-read before it is taken as never coming. */
  feedGapGraceMs: number;
  /** A feed holder that stops renewing loses its lease after this long. */
  feedLeaseMs: number;
  /** A socket buffering more than this gets only the newest states; more than the hard bound, closed. */
  socketSoftLimitBytes: number;
  socketHardLimitBytes: number;
  /** Prefix of the Redis channels and lease keys, so several hub deployments can share a Redis. */
  redisPrefix: string;
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
    sources[name] = parseSourceUrl(name, env[sourceUrlVariable(name)], dataDir);
  }
  const allEmbedded = Object.values(sources).every((s) => s.driver === 'sqlite');
  const redisUrl = readOptionalString(env, 'REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  }
  const live: LiveSettings = {
    pushIntervalMs: readInt(env, 'LIVE_PUSH_INTERVAL_MS', 1_000, { min: 50, max: 60_000 }),
    feedPollMs: readInt(env, 'FEED_POLL_MS', 1_000, { min: 50, max: 60_000 }),
    feedBatchSize: readInt(env, 'FEED_BATCH_SIZE', 1_000, { min: 1, max: 50_000 }),
    feedGapGraceMs: readInt(env, 'FEED_GAP_GRACE_MS', 60_000, { min: 0, max: 3_600_000 }),
    feedLeaseMs: readInt(env, 'FEED_LEASE_MS', 10_000, { min: 500, max: 600_000 }),
    socketSoftLimitBytes: readInt(env, 'WS_SOFT_BUFFER_BYTES', 256 * 1024, { min: 1_024, max: 1 << 30 }),
    socketHardLimitBytes: readInt(env, 'WS_HARD_BUFFER_BYTES', 4 * 1024 * 1024, { min: 1_024, max: 1 << 30 }),
    redisPrefix: readString(env, 'REDIS_PREFIX', 'xingfu:'),
  };
  if (live.socketHardLimitBytes <= live.socketSoftLimitBytes) {
    throw new ConfigError('WS_HARD_BUFFER_BYTES', `must be larger than WS_SOFT_BUFFER_BYTES (${live.socketSoftLimitBytes})`);
  }
  return {
    port: readInt(env, 'PORT', 4000, { min: 0, max: 65535 }),
    host: readString(env, 'HOST', '0.0.0.0'),
    dataDir,
    sources,
    redisUrl,
    adminSecret: readSecret(env, 'HUB_ADMIN_SECRET', 16),
    residentJwtSecret: readSecret(env, 'RESIDENT_JWT_SECRET', 32),
    healthSuppressBelow: readInt(env, 'HEALTH_SUPPRESS_BELOW', 5, { min: 2, max: 100 }),
    simulator: readOnOff(env, 'SIMULATOR', allEmbedded),
    live,
    demoSeed: readOnOff(env, 'DEMO_SEED', true),
    nodeEnv: readChoice(env, 'NODE_ENV', ['production', 'development', 'test'] as const, 'production'),
    logLevel: readChoice(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    introspection: readOnOff(env, 'INTROSPECTION', true),
    limits: readRequestLimits(env),
    metrics: { port: readOptionalInt(env, 'METRICS_PORT', { min: 0, max: 65535 }), token: readSecret(env, 'METRICS_TOKEN', 16) },
  };
}
