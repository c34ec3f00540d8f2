import { ConfigError } from '../core/config-error';
import { readInt, type Env } from '../core/env-setting';
import type { RetentionSettings } from './feeds/rollup-retention';

/** Change feeds, pushes to the screens, leases (docs/live-metrics.md): the live layer's own settings. */
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
  /** Rollup tiers and the audit log: how long each is kept (docs/review.md). */
  retention: RetentionSettings;
}

/** Reads the live settings; a bad value throws a ConfigError naming the variable. */
export function readLiveSettings(env: Env): LiveSettings {
  const live: LiveSettings = {
    pushIntervalMs: readInt(env, 'LIVE_PUSH_INTERVAL_MS', 1_000, { min: 50, max: 60_000 }),
    feedPollMs: readInt(env, 'FEED_POLL_MS', 1_000, { min: 50, max: 60_000 }),
    feedBatchSize: readInt(env, 'FEED_BATCH_SIZE', 1_000, { min: 1, max: 50_000 }),
    feedGapGraceMs: readInt(env, 'FEED_GAP_GRACE_MS', 60_000, { min: 0, max: 3_600_000 }),
    feedLeaseMs: readInt(env, 'FEED_LEASE_MS', 10_000, { min: 500, max: 600_000 }),
    socketSoftLimitBytes: readInt(env, 'WS_SOFT_BUFFER_BYTES', 256 * 1024, { min: 1_024, max: 1 << 30 }),
    socketHardLimitBytes: readInt(env, 'WS_HARD_BUFFER_BYTES', 4 * 1024 * 1024, { min: 1_024, max: 1 << 30 }),
    retention: {
      fiveMinuteDays: readInt(env, 'ROLLUP_5MIN_DAYS', 35, { min: 2, max: 3_650 }),
      hourDays: readInt(env, 'ROLLUP_HOUR_DAYS', 400, { min: 2, max: 36_500 }),
      auditDays: readInt(env, 'AUDIT_RETENTION_DAYS', 400, { min: 1, max: 36_500 }),
    },
  };
  if (live.retention.hourDays < live.retention.fiveMinuteDays) {
    throw new ConfigError('ROLLUP_HOUR_DAYS', `must be at least ROLLUP_5MIN_DAYS (${live.retention.fiveMinuteDays})`);
  }
  if (live.socketHardLimitBytes <= live.socketSoftLimitBytes) {
    throw new ConfigError('WS_HARD_BUFFER_BYTES', `must be larger than WS_SOFT_BUFFER_BYTES (${live.socketSoftLimitBytes})`);
  }
  return live;
}
