import { Member, type Limits } from './member';

export interface GroupOptions extends Limits {
  /** Least time between two messages of one topic. */
  intervalMs: number;
  /** Executes the operation for one source event (counted by the fan-out). */
  /** The result to send, errors already formatted for the caller. */
  execute(payload: unknown): Promise<unknown>;
  onEmpty(): void;
}

/** Events without a `topic` coalesce together. */
const DEFAULT_TOPIC = '';

/**
 * Every subscriber of one (operation, variables, role). Source events are coalesced per topic:
 * the first after a quiet interval is sent at once, later ones wait for the interval and only
 * the newest is executed, once, and its bytes sent to every member.
 */
export class OperationGroup {
  private readonly members = new Set<Member>();
  /** The newest payload bytes per topic: for members that join or were too slow. */
  private readonly latest = new Map<string, string>();
  private readonly pending = new Map<string, unknown>();
  private readonly lastSent = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing = false;
  private closed = false;

  constructor(private readonly options: GroupOptions) {}

  get size(): number {
    return this.members.size;
  }

  join(member: Member): void {
    this.members.add(member);
    for (const [topic, bytes] of this.latest) member.deliver(topic, bytes, this.options);
  }

  leave(member: Member): void {
    this.members.delete(member);
    if (this.members.size === 0) this.close();
  }

  /** A source event. */
  push(payload: unknown): void {
    if (this.closed) return;
    const topic = topicOf(payload);
    this.pending.set(topic, payload);
    this.schedule();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.pending.clear();
    this.latest.clear();
    for (const member of this.members) member.end();
    this.members.clear();
    this.options.onEmpty();
  }

  private schedule(): void {
    if (this.flushing || this.closed) return;
    clearTimeout(this.timer);
    const now = Date.now();
    let wait = Infinity;
    for (const topic of this.pending.keys()) wait = Math.min(wait, (this.lastSent.get(topic) ?? 0) + this.options.intervalMs - now);
    if (this.hasStaleMembers()) wait = Math.min(wait, this.options.intervalMs);
    if (wait === Infinity) return;
    if (wait <= 0) void this.flush();
    else this.timer = setTimeout(() => void this.flush(), wait).unref();
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    try {
      const now = Date.now();
      for (const [topic, payload] of [...this.pending]) {
        if (now - (this.lastSent.get(topic) ?? 0) < this.options.intervalMs) continue;
        this.pending.delete(topic);
        this.lastSent.set(topic, now);
        const bytes = JSON.stringify(await this.options.execute(payload));
        if (this.closed) return;
        this.latest.set(topic, bytes);
        for (const member of this.members) member.deliver(topic, bytes, this.options);
      }
      this.retryStale();
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  /** Members that were too slow get the newest state of what they missed once they drain. */
  private retryStale(): void {
    for (const member of this.members) {
      for (const topic of [...member.stale]) {
        const bytes = this.latest.get(topic);
        if (bytes === undefined) member.stale.delete(topic);
        else if (member.deliver(topic, bytes, this.options) !== 'sent') break;
      }
    }
  }

  private hasStaleMembers(): boolean {
    for (const member of this.members) if (member.stale.size > 0) return true;
    return false;
  }
}

function topicOf(payload: unknown): string {
  const topic = (payload as { topic?: unknown } | null)?.topic;
  return typeof topic === 'string' ? topic : DEFAULT_TOPIC;
}
