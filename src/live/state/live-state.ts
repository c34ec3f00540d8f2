import type { RollupRow } from '../../core/departments/change-feed';
import { addDays, localDateOf, startOfLocalDate } from '../../core/time/local-time';
import { crowdLevelOf, type CrowdLevel } from './crowd-level';
import type { HubInfo } from './hub-directory';
import type { CounterName, MetricPatch } from './metric-patch';

export interface HubLiveValues {
  hubId: number;
  occupancy: number;
  crowdLevel: CrowdLevel;
  footfallToday: number;
  activitiesToday: number;
  mealsToday: number;
  updatedAt: Date;
}

export interface StreetValues {
  street: string;
  hubs: number;
  occupancy: number;
  footfallToday: number;
  activitiesToday: number;
  mealsToday: number;
}

export interface DistrictValues extends Omit<StreetValues, 'street'> {
  district: string;
  byStreet: StreetValues[];
  updatedAt: Date;
}

interface Counters {
  entered: number;
  exited: number;
  meals: number;
  activities: number;
  updatedAt: Date;
}

export type ChangeListener = (hubIds: readonly number[]) => void;

/**
 * Every hub's counters for the current Asia/Shanghai day, in memory. Fed by the change feeds on
 * the instance that holds them, and by their patches on the others; read by queries and pushes.
 */
export class LiveState {
  private readonly hubs = new Map<number, HubInfo>();
  private readonly counters = new Map<number, Counters>();
  private readonly listeners = new Set<ChangeListener>();
  private day: string;

  constructor(
    hubs: readonly HubInfo[],
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.day = localDateOf(this.clock());
    this.setHubs(hubs);
  }

  get today(): string {
    return this.day;
  }

  setHubs(hubs: readonly HubInfo[]): void {
    for (const hub of hubs) {
      this.hubs.set(hub.id, hub);
      if (!this.counters.has(hub.id)) this.counters.set(hub.id, emptyCounters(this.clock()));
    }
  }

  hubIds(): number[] {
    return [...this.hubs.keys()];
  }

  hubList(): HubInfo[] {
    return [...this.hubs.values()];
  }

  hasHub(hubId: number): boolean {
    return this.hubs.has(hubId);
  }

  districts(): string[] {
    return [...new Set([...this.hubs.values()].map((h) => h.district))];
  }

  districtOf(hubId: number): string | undefined {
    return this.hubs.get(hubId)?.district;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a new local day when the clock has passed midnight: today's counters start from zero. Returns true if it did. */
  rollOver(): boolean {
    const day = localDateOf(this.clock());
    if (day === this.day) return false;
    this.day = day;
    const now = this.clock();
    for (const id of this.counters.keys()) this.counters.set(id, emptyCounters(now));
    this.notify(this.hubIds());
    return true;
  }

  /** Adds rows a feed has just committed to its rollups; rows of another day only moved the rollups. */
  addRows(rows: readonly RollupRow[]): number[] {
    this.rollOver();
    const now = this.clock();
    const changed = new Set<number>();
    // Today as an interval: comparing instants, not formatting each row's local date.
    const from = startOfLocalDate(this.day).getTime();
    const to = addDays(new Date(from), 1).getTime();
    for (const row of rows) {
      const at = row.at.getTime();
      if (at < from || at >= to) continue;
      const c = this.countersOf(row.hubId, now);
      c.entered += row.entered;
      c.exited += row.exited;
      c.meals += row.meals;
      c.updatedAt = now;
      changed.add(row.hubId);
    }
    return this.notify([...changed]);
  }

  /**
   * Sets one or more counters of hubs for `day` (a rebuild from the rollups, or a recount).
   * Hubs not in `values` get zero when `complete` (a full rebuild).
   */
  setCounters(day: string, names: readonly CounterName[], values: ReadonlyMap<number, Partial<Record<CounterName, number>>>, complete: boolean): number[] {
    this.rollOver();
    if (day !== this.day) return [];
    const now = this.clock();
    const changed: number[] = [];
    const ids = complete ? new Set([...this.counters.keys(), ...values.keys()]) : new Set(values.keys());
    for (const id of ids) {
      const c = this.countersOf(id, now);
      const v = values.get(id) ?? {};
      let moved = false;
      for (const name of names) {
        const next = v[name] ?? 0;
        if (c[name] !== next) {
          c[name] = next;
          moved = true;
        }
      }
      if (moved) {
        c.updatedAt = now;
        changed.push(id);
      }
    }
    return this.notify(changed);
  }

  /** Applies patches from the holder of a feed on another instance; only hubs whose counters moved are reported. */
  applyPatches(patches: readonly MetricPatch[]): number[] {
    this.rollOver();
    const changed: number[] = [];
    for (const p of patches) {
      if (p.day !== this.day) continue;
      const c = this.countersOf(p.hubId, new Date(p.at));
      let moved = false;
      for (const name of ['entered', 'exited', 'meals', 'activities'] as const) {
        const value = p[name];
        if (value !== undefined && c[name] !== value) {
          c[name] = value;
          moved = true;
        }
      }
      if (!moved) continue;
      c.updatedAt = new Date(Math.max(c.updatedAt.getTime(), p.at));
      changed.push(p.hubId);
    }
    return this.notify(changed);
  }

  /** Absolute values of the given counters, for the patches other instances apply. */
  patchesOf(hubIds: readonly number[], names: readonly CounterName[]): MetricPatch[] {
    return hubIds.map((hubId) => {
      const c = this.countersOf(hubId, this.clock());
      const patch: MetricPatch = { hubId, day: this.day, at: c.updatedAt.getTime() };
      for (const name of names) patch[name] = c[name];
      return patch;
    });
  }

  metrics(hubId: number): HubLiveValues {
    this.rollOver();
    const c = this.counters.get(hubId) ?? emptyCounters(this.clock());
    // Counters miss people who left through an uncounted door, or came in before midnight.
    const occupancy = Math.max(0, c.entered - c.exited);
    return {
      hubId,
      occupancy,
      crowdLevel: crowdLevelOf(occupancy, this.hubs.get(hubId)?.capacity ?? null),
      footfallToday: c.entered,
      activitiesToday: c.activities,
      mealsToday: c.meals,
      updatedAt: c.updatedAt,
    };
  }

  /** Totals of a district's hubs (every hub when `district` is null), with a line per street. */
  overview(district: string | null): DistrictValues {
    this.rollOver();
    const streets = new Map<string, StreetValues>();
    let updatedAt = new Date(0);
    for (const hub of this.hubs.values()) {
      if (district !== null && hub.district !== district) continue;
      const m = this.metrics(hub.id);
      if (m.updatedAt > updatedAt) updatedAt = m.updatedAt;
      const street = streets.get(hub.street) ?? { street: hub.street, hubs: 0, occupancy: 0, footfallToday: 0, activitiesToday: 0, mealsToday: 0 };
      street.hubs++;
      street.occupancy += m.occupancy;
      street.footfallToday += m.footfallToday;
      street.activitiesToday += m.activitiesToday;
      street.mealsToday += m.mealsToday;
      streets.set(hub.street, street);
    }
    const byStreet = [...streets.values()].sort((a, b) => a.street.localeCompare(b.street, 'zh-CN'));
    const sum = (key: keyof Omit<StreetValues, 'street'>) => byStreet.reduce((n, s) => n + s[key], 0);
    return {
      district: district ?? '',
      hubs: sum('hubs'),
      occupancy: sum('occupancy'),
      footfallToday: sum('footfallToday'),
      activitiesToday: sum('activitiesToday'),
      mealsToday: sum('mealsToday'),
      byStreet,
      updatedAt: updatedAt.getTime() === 0 ? this.clock() : updatedAt,
    };
  }

  private countersOf(hubId: number, now: Date): Counters {
    let c = this.counters.get(hubId);
    if (!c) {
      c = emptyCounters(now);
      this.counters.set(hubId, c);
    }
    return c;
  }

  private notify(hubIds: number[]): number[] {
    if (hubIds.length > 0) for (const listener of this.listeners) listener(hubIds);
    return hubIds;
  }
}

function emptyCounters(now: Date): Counters {
  return { entered: 0, exited: 0, meals: 0, activities: 0, updatedAt: now };
}
