import type { DataSource, QueryRunner } from 'typeorm';
import type { FeedLeases } from './feed-lease';

/**
 * Leases as MySQL named locks (`GET_LOCK`) on the hub source, for several instances without
 * Redis. A lock belongs to a connection: each held feed keeps one, and the server frees the
 * lock when the holder's connection dies.
 */
export class MysqlLeases implements FeedLeases {
  readonly kind = 'mysql';
  private readonly held = new Map<string, QueryRunner>();

  constructor(
    private readonly hub: DataSource,
    private readonly prefix: string,
  ) {}

  private lockName(feed: string): string {
    // Lock names are server-wide: the database name keeps two deployments apart.
    return `${this.prefix}${this.hub.options.database as string}:${feed}`.slice(0, 64);
  }

  async acquire(feed: string): Promise<boolean> {
    if (this.held.has(feed)) return this.renew(feed);
    const runner = this.hub.createQueryRunner();
    try {
      await runner.connect();
      const [row] = (await runner.query('SELECT GET_LOCK(?, 0) AS got', [this.lockName(feed)])) as { got: number | null }[];
      if (Number(row.got) === 1) {
        this.held.set(feed, runner);
        return true;
      }
    } catch {
      // The hub source is unreachable: not holding.
    }
    await runner.release().catch(() => undefined);
    return false;
  }

  async renew(feed: string): Promise<boolean> {
    const runner = this.held.get(feed);
    if (!runner) return false;
    try {
      const [row] = (await runner.query('SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS mine', [this.lockName(feed)])) as { mine: number | null }[];
      if (Number(row.mine) === 1) return true;
    } catch {
      // The connection died, and the lock with it.
    }
    this.held.delete(feed);
    await runner.release().catch(() => undefined);
    return false;
  }

  async release(feed: string): Promise<void> {
    const runner = this.held.get(feed);
    if (!runner) return;
    this.held.delete(feed);
    await runner.query('SELECT RELEASE_LOCK(?)', [this.lockName(feed)]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([...this.held.keys()].map((feed) => this.release(feed)));
  }
}
