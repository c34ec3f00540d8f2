import type { AppendedRow, GaugePoint } from '../../core/departments/change-feed';
import type { HubInfo } from '../../core/hubs/hub-directory';
import { addDays, localDateOf, startOfLocalDate, startOfLocalDay } from '../../core/time/local-time';
import type { MetricCatalog } from '../metrics/metric-catalog';
import type { CountPatch, GaugePatch } from './metric-patch';

/** Every declared metric of one hub, or of an area: by name; a gauge no point serves is absent. */
export type MetricValues = ReadonlyMap<string, number>;

export interface HubLiveValues {
  hubId: number;
  values: MetricValues;
  updatedAt: Date;
  /** Departments that are down: their metrics' values are the last known. */
  staleDepartments: ReadonlySet<string>;
}

export interface AreaValues {
  hubs: number;
  values: MetricValues;
  updatedAt: Date;
  staleDepartments: ReadonlySet<string>;
}

export interface StreetValues extends AreaValues {
  street: string;
}

export interface DistrictValues extends AreaValues {
  /** null: every hub. */
  district: string | null;
  byStreet: StreetValues[];
}

interface HubCounts {
  /** Daily counters and recounts, for the current local day. */
  values: Map<string, number>;
  updatedAt: Date;
}

export type ChangeListener = (hubIds: readonly number[]) => void;

/**
 * Every hub's metrics in memory: the day's counts (reset at local midnight) and the gauges'
 * points (kept). Fed by the change feeds on the instance that holds them, and by their patches on
 * the others; read by queries and pushes. Generic: it knows the metrics only by their declaration.
 */
export class LiveState {
  private readonly hubs = new Map<number, HubInfo>();
  private readonly counts = new Map<number, HubCounts>();
  /** metric -> point key -> point. */
  private readonly gauges = new Map<string, Map<string, GaugePoint>>();
  /** metric -> hub -> the sum of the points serving it, kept as points change. */
  private readonly gaugeByHub = new Map<string, Map<number, number>>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly stale = new Set<string>();
  private day!: string;
  /** The local day's bounds, [start, end) in ms. */
  private dayStartMs = 0;
  private dayEndMs = 0;

  constructor(
    readonly catalog: MetricCatalog,
    hubs: readonly HubInfo[],
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.startDay(this.clock());
    this.setHubs(hubs);
  }

  get today(): string {
    return this.day;
  }

  setHubs(hubs: readonly HubInfo[]): void {
    for (const hub of hubs) {
      this.hubs.set(hub.id, hub);
      this.countsOf(hub.id, this.clock());
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

  hub(hubId: number): HubInfo | undefined {
    return this.hubs.get(hubId);
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

  /** Marks a department's metrics stale (it is down) or fresh; every hub's subscribers get a message saying so. */
  setStale(department: string, stale: boolean): void {
    if (this.stale.has(department) === stale) return;
    if (stale) this.stale.add(department);
    else this.stale.delete(department);
    this.notify(this.hubIds());
  }

  /** Starts a new local day when the clock has passed midnight: the day's counts start from zero (gauges keep). Returns true if it did. */
  rollOver(): boolean {
    const now = this.clock();
    // Every read asks: two comparisons, not a date formatted per hub and per message.
    if (now.getTime() >= this.dayStartMs && now.getTime() < this.dayEndMs) return false;
    this.startDay(now);
    for (const id of this.counts.keys()) this.counts.set(id, { values: new Map(), updatedAt: now });
    this.notify(this.hubIds());
    return true;
  }

  private startDay(at: Date): void {
    this.day = localDateOf(at);
    this.dayStartMs = startOfLocalDay(at).getTime();
    this.dayEndMs = addDays(startOfLocalDay(at), 1).getTime();
  }

  /** Adds rows a feed has just committed to its rollups; rows of another day only moved the rollups. */
  addRows(rows: readonly AppendedRow[]): number[] {
    this.rollOver();
    const now = this.clock();
    const changed = new Set<number>();
    // Today as an interval: comparing instants, not formatting each row's local date.
    const from = startOfLocalDate(this.day).getTime();
    const to = addDays(new Date(from), 1).getTime();
    for (const row of rows) {
      const at = row.at.getTime();
      if (at < from || at >= to) continue;
      const c = this.countsOf(row.hubId, now);
      for (const name in row.values) c.values.set(name, (c.values.get(name) ?? 0) + row.values[name]);
      c.updatedAt = now;
      changed.add(row.hubId);
    }
    return this.notify([...changed]);
  }

  /**
   * Sets counts of hubs for `day` (a rebuild from the rollups, or a recount). Hubs not in
   * `values` get zero when `complete` (a full rebuild).
   */
  setCounts(day: string, names: readonly string[], values: ReadonlyMap<number, Readonly<Record<string, number>>>, complete: boolean): number[] {
    this.rollOver();
    if (day !== this.day) return [];
    const now = this.clock();
    const changed: number[] = [];
    const ids = complete ? new Set([...this.counts.keys(), ...values.keys()]) : new Set(values.keys());
    for (const id of ids) {
      const c = this.countsOf(id, now);
      const v = values.get(id) ?? {};
      let moved = false;
      for (const name of names) {
        const next = v[name] ?? 0;
        if ((c.values.get(name) ?? 0) !== next) {
          c.values.set(name, next);
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

  /** Sets points of a gauge; `complete`: these are all its points (a rebuild). Returns the hubs whose value moved. */
  setPoints(metric: string, points: readonly GaugePoint[], complete: boolean, at = this.clock()): number[] {
    const known = this.gauges.get(metric) ?? new Map<string, GaugePoint>();
    this.gauges.set(metric, known);
    const touched = new Set<number>();
    const next = complete ? new Map<string, GaugePoint>() : known;
    if (complete) for (const point of known.values()) point.hubIds.forEach((id) => touched.add(id));
    for (const point of points) {
      known.get(point.key)?.hubIds.forEach((id) => touched.add(id));
      point.hubIds.forEach((id) => touched.add(id));
      next.set(point.key, point);
    }
    if (complete) this.gauges.set(metric, next);
    const sums = this.gaugeByHub.get(metric) ?? new Map<number, number>();
    this.gaugeByHub.set(metric, sums);
    const before = new Map([...touched].map((id) => [id, sums.get(id)]));
    for (const id of touched) sums.delete(id);
    for (const point of this.gauges.get(metric)!.values()) {
      for (const id of point.hubIds) if (touched.has(id)) sums.set(id, (sums.get(id) ?? 0) + point.value);
    }
    const changed = [...touched].filter((id) => before.get(id) !== sums.get(id));
    for (const id of changed) {
      const c = this.countsOf(id, at);
      if (c.updatedAt < at) c.updatedAt = at;
    }
    return this.notify(changed);
  }

  /** Applies day counts from the holder of a feed on another instance; only hubs whose counts moved are reported. */
  applyCountPatches(patches: readonly CountPatch[]): number[] {
    this.rollOver();
    const changed: number[] = [];
    for (const p of patches) {
      if (p.day !== this.day) continue;
      const c = this.countsOf(p.hubId, new Date(p.at));
      let moved = false;
      for (const name in p.values) {
        if (c.values.get(name) !== p.values[name]) {
          c.values.set(name, p.values[name]);
          moved = true;
        }
      }
      if (!moved) continue;
      c.updatedAt = new Date(Math.max(c.updatedAt.getTime(), p.at));
      changed.push(p.hubId);
    }
    return this.notify(changed);
  }

  applyGaugePatch(patch: GaugePatch): number[] {
    return this.setPoints(patch.metric, patch.points, patch.complete, new Date(patch.at));
  }

  /** Absolute day counts of the given metrics, for the patches other instances apply. */
  countPatchesOf(hubIds: readonly number[], names: readonly string[]): CountPatch[] {
    return hubIds.map((hubId) => {
      const c = this.countsOf(hubId, this.clock());
      const values: Record<string, number> = {};
      for (const name of names) values[name] = c.values.get(name) ?? 0;
      return { hubId, day: this.day, values, at: c.updatedAt.getTime() };
    });
  }

  /** Every point of a gauge, for another instance to take as complete. */
  gaugePatchOf(metric: string): GaugePatch {
    return { metric, points: [...(this.gauges.get(metric)?.values() ?? [])], complete: true, at: this.clock().getTime() };
  }

  hubValues(hubId: number): HubLiveValues {
    this.rollOver();
    const c = this.counts.get(hubId) ?? { values: new Map<string, number>(), updatedAt: this.clock() };
    const values = new Map<string, number>();
    for (const metric of this.catalog.metrics) {
      if (metric.kind === 'gauge') {
        const sum = this.gaugeByHub.get(metric.name)?.get(hubId);
        if (sum !== undefined) values.set(metric.name, sum);
      } else if (metric.kind !== 'derived') values.set(metric.name, c.values.get(metric.name) ?? 0);
    }
    this.derive(values);
    return { hubId, values, updatedAt: c.updatedAt, staleDepartments: new Set(this.stale) };
  }

  /** Totals of a district's hubs (every hub when `district` is null), with a line per street. */
  overview(district: string | null): DistrictValues {
    this.rollOver();
    const streets = new Map<string, { hubs: number; values: Map<string, number>; updatedAt: Date }>();
    const all = { hubs: 0, values: new Map<string, number>(), updatedAt: new Date(0) };
    const add = (area: typeof all, values: MetricValues, updatedAt: Date) => {
      area.hubs++;
      for (const [name, value] of values) area.values.set(name, (area.values.get(name) ?? 0) + value);
      if (updatedAt > area.updatedAt) area.updatedAt = updatedAt;
    };
    const inArea = (hub: HubInfo | undefined) => hub !== undefined && (district === null || hub.district === district);
    for (const hub of this.hubs.values()) {
      if (!inArea(hub)) continue;
      const { values, updatedAt } = this.hubValues(hub.id);
      // Gauges are totalled from their points below: a point serving two hubs counts once.
      const summed = new Map([...values].filter(([name]) => this.catalog.find(name)?.kind !== 'gauge'));
      const street = streets.get(hub.street) ?? { hubs: 0, values: new Map<string, number>(), updatedAt: new Date(0) };
      streets.set(hub.street, street);
      add(street, summed, updatedAt);
      add(all, summed, updatedAt);
    }
    for (const [metric, points] of this.gauges) {
      for (const point of points.values()) {
        const served = point.hubIds.map((id) => this.hubs.get(id)).filter(inArea) as HubInfo[];
        if (served.length === 0) continue;
        all.values.set(metric, (all.values.get(metric) ?? 0) + point.value);
        for (const street of new Set(served.map((h) => h.street))) {
          const line = streets.get(street)!;
          line.values.set(metric, (line.values.get(metric) ?? 0) + point.value);
        }
      }
    }
    const byStreet = [...streets].map(([street, s]) => ({ street, ...s })).sort((a, b) => a.street.localeCompare(b.street, 'zh-CN'));
    const staleDepartments = new Set(this.stale);
    return { district, ...all, updatedAt: all.updatedAt.getTime() === 0 ? this.clock() : all.updatedAt, byStreet: byStreet.map((line) => ({ ...line, staleDepartments })), staleDepartments };
  }

  /** Adds the derived metrics, from the values of their inputs. */
  private derive(values: Map<string, number>): void {
    for (const metric of this.catalog.metrics) {
      if (metric.kind !== 'derived') continue;
      const inputs: Record<string, number> = {};
      for (const name of metric.from) inputs[name] = values.get(name) ?? 0;
      values.set(metric.name, metric.compute(inputs));
    }
  }

  private countsOf(hubId: number, now: Date): HubCounts {
    let c = this.counts.get(hubId);
    if (!c) {
      c = { values: new Map(), updatedAt: now };
      this.counts.set(hubId, c);
    }
    return c;
  }

  private notify(hubIds: number[]): number[] {
    if (hubIds.length > 0) for (const listener of this.listeners) listener(hubIds);
    return hubIds;
  }
}
