import { configErrorOf as errorOf } from '../helpers/config-error-of';
import { loadConfig } from '../../src/config';
import { readLiveSettings } from '../../src/live/live-settings';

describe('live settings', () => {
  it('default to a 1 s push interval and poll, 1,000-row batches, a 60 s gap grace, 10 s leases, the xingfu: Redis prefix', () => {
    expect(loadConfig({}, []).redisPrefix).toBe('xingfu:');
    expect(readLiveSettings({})).toEqual({
      pushIntervalMs: 1_000,
      feedPollMs: 1_000,
      feedBatchSize: 1_000,
      feedGapGraceMs: 60_000,
      feedLeaseMs: 10_000,
      socketSoftLimitBytes: 262_144,
      socketHardLimitBytes: 4_194_304,
      retention: { fiveMinuteDays: 35, hourDays: 400, auditDays: 400 },
    });
  });

  it('a bad value stops the start with one line naming the variable', () => {
    expect(errorOf({ LIVE_PUSH_INTERVAL_MS: 'fast' })).toBe('LIVE_PUSH_INTERVAL_MS: "fast" is not a whole number');
    expect(errorOf({ FEED_BATCH_SIZE: '0' })).toBe('FEED_BATCH_SIZE: 0 is outside 1..50000');
    expect(errorOf({ FEED_LEASE_MS: '100' })).toBe('FEED_LEASE_MS: 100 is outside 500..600000');
    expect(errorOf({ WS_SOFT_BUFFER_BYTES: '100000', WS_HARD_BUFFER_BYTES: '50000' })).toBe(
      'WS_HARD_BUFFER_BYTES: must be larger than WS_SOFT_BUFFER_BYTES (100000)',
    );
    expect(errorOf({ ROLLUP_5MIN_DAYS: '1' })).toBe('ROLLUP_5MIN_DAYS: 1 is outside 2..3650');
    expect(errorOf({ ROLLUP_5MIN_DAYS: '60', ROLLUP_HOUR_DAYS: '30' })).toBe('ROLLUP_HOUR_DAYS: must be at least ROLLUP_5MIN_DAYS (60)');
    expect(errorOf({ AUDIT_RETENTION_DAYS: 'forever' })).toBe('AUDIT_RETENTION_DAYS: "forever" is not a whole number');
    for (const message of [errorOf({ FEED_POLL_MS: '-5' }), errorOf({ FEED_GAP_GRACE_MS: '1.5' })]) expect(message).not.toContain('\n');
  });
});
