import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { FeedLeases } from './feed-lease';

// Extend or delete only a lease this instance still holds (its token), atomically.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Leases as Redis keys (`SET NX PX`), renewed well before they expire. */
export class RedisLeases implements FeedLeases {
  readonly kind = 'redis';
  private readonly token = randomUUID();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  private key(feed: string): string {
    return `${this.prefix}lease:${feed}`;
  }

  async acquire(feed: string): Promise<boolean> {
    if ((await this.redis.set(this.key(feed), this.token, 'PX', this.ttlMs, 'NX')) === 'OK') return true;
    return this.renew(feed);
  }

  async renew(feed: string): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key(feed), this.token, this.ttlMs)) === 1;
  }

  async release(feed: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(feed), this.token);
  }

  async close(): Promise<void> {}
}
