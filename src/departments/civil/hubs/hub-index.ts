import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { SourceDownError } from '../../../core/data-sources/source-down-error';
import type { SourceRegistry } from '../../../core/data-sources/source-registry';
import type { HubContext } from '../../../core/graphql/hub-context';
import { serviceKey } from '../../../core/services/service-registry';
import { CIVIL_SETTINGS } from '../civil-settings';
import { CIVIL } from '../civil-source';
import { Hub } from './hub.entity';

/** One read of civil's hub table: the hubs in id order, by id, and a kd-tree of their positions (WGS-84). */
export interface HubTable {
  hubs: readonly Hub[];
  byId: ReadonlyMap<number, Hub>;
  /** Indexes into `hubs`. */
  points: KDBush;
  /** performance.now() when the read began: the table is civil's as of then or later. */
  readAt: number;
}

/**
 * Civil's hubs in memory (a district has 58, a city ~1,000): the hot read paths answer from here
 * instead of a query per request. An answer never uses a read older than `maxAgeMs`
 * (FEED_POLL_MS): the first request after that waits for a new read (one at a time; the others
 * wait for the same), so a hub moved, added or deleted in civil's database, by the hub or by
 * anyone else, shows within that time. While civil is down it answers nothing from memory: the
 * caller gets the outage (DEPARTMENT_UNAVAILABLE), as a query would.
 */
export class HubIndex {
  private table?: HubTable;
  private reading?: Promise<HubTable>;

  constructor(
    private readonly sources: SourceRegistry,
    private readonly maxAgeMs: number,
  ) {}

  async current(): Promise<HubTable> {
    if (!this.sources.isUp(CIVIL)) throw new SourceDownError(CIVIL);
    if (this.table && performance.now() - this.table.readAt < this.maxAgeMs) return this.table;
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** The hubs within about `radiusMeters` of a point, nearest first by the index's own sphere; callers measure exactly. */
  static candidatesNear(table: HubTable, point: { lat: number; lng: number }, radiusMeters: number): Hub[] {
    // 1 % and 10 m beyond the radius: the caller's distance, on its own sphere, decides.
    const found = around(table.points, point.lng, point.lat, Infinity, (radiusMeters * 1.01 + 10) / 1000);
    // An empty table's one placeholder point maps to no hub.
    return found.flatMap((i) => (table.hubs[i] ? [table.hubs[i]] : []));
  }

  private async read(): Promise<HubTable> {
    const readAt = performance.now();
    const hubs = await this.sources.get(CIVIL).getRepository(Hub).find({ order: { id: 'ASC' } });
    const points = new KDBush(Math.max(1, hubs.length));
    for (const hub of hubs) points.add(hub.lng, hub.lat);
    // An empty tree still needs one point to finish; no hub maps to it.
    if (hubs.length === 0) points.add(0, -90);
    points.finish();
    const table = { hubs, byId: new Map(hubs.map((h) => [h.id, h])), points, readAt };
    this.table = table;
    return table;
  }
}

/** Up to `limit` of `hubs` (in id order) with an id above `afterId`: keyset paging in memory. */
export function pageAfter(hubs: readonly Hub[], afterId: number, limit: number): Hub[] {
  let low = 0;
  let high = hubs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (hubs[middle].id <= afterId) low = middle + 1;
    else high = middle;
  }
  return hubs.slice(low, low + limit);
}

const HUB_INDEX = serviceKey<HubIndex>('civil.hubIndex');

/** The process's hub index, made on first use. */
export function hubIndexOf(context: HubContext): HubIndex {
  const registry = context.services.registry;
  let index = registry.find(HUB_INDEX);
  if (!index) {
    index = new HubIndex(context.services.sources, registry.get(CIVIL_SETTINGS.key).memoryMaxAgeMs);
    registry.set(HUB_INDEX, index);
  }
  return index;
}
