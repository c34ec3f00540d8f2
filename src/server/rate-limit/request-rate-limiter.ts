import type Redis from 'ioredis';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../core/errors/hub-errors';
import type { Logger } from '../../core/logging/logger';
import { reportOutages } from '../../core/redis/redis-connection';
import type { RateLimitSettings } from '../limits/request-limits';

/** Takes `points` from a caller's bucket, or refuses with RATE_LIMITED. */
export interface RequestRateLimiter {
  consume(subject: string, points?: number): Promise<void>;
}

const BURST_REFILL_SECONDS = 10;

/**
 * rate-limiter-flexible's BurstyRateLimiter, its token-bucket equivalent: `perSecond` sustained
 * plus `burst` more that refill over 10 s. In Redis when the hub runs on one, so that every instance
 * takes from the same buckets; should Redis stop answering, each instance falls back to buckets
 * in memory rather than refusing everyone (or serving without a limit).
 */
export function createRateLimiter(settings: RateLimitSettings, redis: Redis | undefined, logger: Logger): RequestRateLimiter {
  if (settings.perSecond === 0) return { consume: async () => undefined };

  const memory = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => new RateLimiterMemory({ keyPrefix, points, duration });
  let make = memory;
  if (redis) {
    reportOutages(redis, logger, 'rate limit', 'counting in memory until it does');
    make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: memory(keyPrefix, points, duration) });
  }
  const sustained = make(`${settings.keyPrefix}:sustained`, settings.perSecond, 1);
  const limiter: Pick<RateLimiterAbstract, 'consume'> =
    settings.burst > 0 ? new BurstyRateLimiter(sustained, make(`${settings.keyPrefix}:burst`, settings.burst, BURST_REFILL_SECONDS)) : sustained;

  return {
    async consume(subject, points = 1) {
      try {
        await limiter.consume(subject, points);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
        // The store failed and so did the fallback: serve rather than refuse everyone.
        logger.warn(`rate limit not checked: ${rejection instanceof Error ? rejection.message : String(rejection)}`);
      }
    },
  };
}
