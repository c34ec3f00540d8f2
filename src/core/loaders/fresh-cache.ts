/**
 * Values by key, kept in memory for at most `maxAgeMs` from the moment their read began: a
 * lookup takes the fresh entries and reads the others in one call. An answer never uses a read
 * begun longer ago than that, so a change in the source, by anyone, shows within `maxAgeMs`.
 * Busy keys (the first page of hubs every screen and phone asks for) cost one read per
 * `maxAgeMs` instead of one per request; a key asked once costs what it cost before.
 */
export class FreshCache<K, V> {
  private readonly entries = new Map<K, { value: V; readAt: number }>();

  constructor(private readonly maxAgeMs: number) {}

  /** The values of `keys`, in order; `read` gets the keys without a fresh entry (each once) and returns their values in its order. */
  async getMany(keys: readonly K[], read: (keys: K[]) => Promise<readonly V[]>): Promise<V[]> {
    const now = performance.now();
    const wanted = new Set<K>();
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry || now - entry.readAt >= this.maxAgeMs) wanted.add(key);
    }
    if (wanted.size > 0) {
      const stale = [...wanted];
      const readAt = performance.now();
      const found = await read(stale);
      stale.forEach((key, i) => this.entries.set(key, { value: found[i], readAt }));
    }
    return keys.map((key) => this.entries.get(key)!.value);
  }
}
