import type { Subscriber } from './subscriber';

/** What the group decided to do with one message for one member. */
export type Delivery = 'sent' | 'deferred' | 'closed' | 'gone';

export interface Limits {
  softLimitBytes: number;
  hardLimitBytes: number;
}

/** One subscription on one connection. The result bytes are shared by every member of the group. */
export class Member {
  /** Topics whose newest state this member has not received (it was too slow at the time). */
  readonly stale = new Set<string>();
  private closing = false;

  constructor(
    readonly subscriber: Subscriber,
    readonly end: () => void,
  ) {}

  deliver(topic: string, result: string, limits: Limits): Delivery {
    if (this.closing || !this.subscriber.open) return 'gone';
    const buffered = this.subscriber.bufferedAmount;
    if (buffered > limits.hardLimitBytes) {
      this.closing = true;
      this.stale.clear();
      this.subscriber.closeTooSlow();
      return 'closed';
    }
    if (buffered > limits.softLimitBytes) {
      // Keep only a reference to the topic: when the connection drains it gets the newest state.
      this.stale.add(topic);
      return 'deferred';
    }
    this.stale.delete(topic);
    this.subscriber.send(result);
    return 'sent';
  }
}
