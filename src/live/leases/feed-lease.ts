/**
 * The right to run one feed. Only one instance should hold a feed at a time; a holder that dies
 * loses it (its lease expires or its connection drops) and another instance takes over. The
 * cursor's compare-and-set keeps counts exact even if two instances briefly both believe they hold it.
 */
export interface FeedLeases {
  readonly kind: string;
  /** True when this instance holds (or just took) the lease of `feed`. */
  acquire(feed: string): Promise<boolean>;
  /** Extends a held lease; false when it was lost. */
  renew(feed: string): Promise<boolean>;
  release(feed: string): Promise<void>;
  close(): Promise<void>;
}

/** One instance: it always holds every feed. */
export class InProcessLeases implements FeedLeases {
  readonly kind = 'in-process';
  async acquire(): Promise<boolean> {
    return true;
  }
  async renew(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
  async close(): Promise<void> {}
}
