import { OPEN, type SocketLike } from './socket-like';

/** What the group decided to do with one message for one member. */
export type Delivery = 'sent' | 'deferred' | 'closed' | 'gone';

export interface Limits {
  softLimitBytes: number;
  hardLimitBytes: number;
}

/**
 * One subscription on one socket. Messages are written straight to the socket: the envelope is
 * per subscription, the payload bytes are shared by every member of the group.
 */
export class Member {
  /** Topics whose newest state this member has not received (it was too slow at the time). */
  readonly stale = new Set<string>();
  private readonly prefix: string;
  private closing = false;

  constructor(
    readonly socket: SocketLike,
    id: string,
    readonly end: () => void,
  ) {
    this.prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  }

  deliver(topic: string, payload: string, limits: Limits): Delivery {
    if (this.closing || this.socket.readyState !== OPEN) return 'gone';
    const buffered = this.socket.bufferedAmount;
    if (buffered > limits.hardLimitBytes) {
      this.closeSlow();
      return 'closed';
    }
    if (buffered > limits.softLimitBytes) {
      // Keep only a reference to the topic: when the socket drains it gets the newest state.
      this.stale.add(topic);
      return 'deferred';
    }
    this.stale.delete(topic);
    this.socket.send(this.prefix + payload + '}');
    return 'sent';
  }

  /** 1013 "try again later": the client reconnects and starts from the current state. */
  private closeSlow(): void {
    this.closing = true;
    this.stale.clear();
    this.socket.close(1013, 'too slow: messages were piling up');
    // A socket that cannot drain cannot finish a closing handshake either.
    setTimeout(() => this.socket.terminate?.(), 1_000).unref();
  }
}
