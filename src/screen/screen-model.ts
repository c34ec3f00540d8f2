import type { HubMetrics, LiveMetric, ScreenHub } from './screen-types';

export interface Totals {
  hubs: number;
  occupancy: number;
  footfallToday: number;
  activitiesToday: number;
  mealsToday: number;
}

/** One collator for every sort: localeCompare with a locale builds one per call. */
const BY_NAME = new Intl.Collator('zh-CN');

/** A panel redraws at most this often, however many hubs' messages arrive together (58 at connect). */
const REDRAW_EVERY_MS = 200;

/**
 * The hubs on the wall and their newest counters. Messages change values in place; panels are
 * told once per burst and update their numbers, never rebuild.
 */
export class ScreenModel {
  private readonly metrics = new Map<string, HubMetrics>();
  /** The wall's totals as the hub makes them (null until the first arrives). */
  private areaMetrics: LiveMetric[] | null = null;
  /** The departments down, as the newest message said (every message names them all). */
  private stale = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  readonly focus: ScreenHub | null;

  constructor(
    readonly hubs: readonly ScreenHub[],
    focusId: string | null,
    /** The declared metrics (titles, units, kinds, departments), as the hub listed them at start. */
    private readonly catalog: readonly LiveMetric[],
  ) {
    for (const hub of hubs) this.metrics.set(hub.id, hub.live);
    if (hubs.length > 0) this.stale = new Set(hubs[0].live.staleDepartments);
    this.focus = hubs.find((hub) => hub.id === focusId) ?? null;
  }

  metricsOf(hubId: string): HubMetrics {
    return this.metrics.get(hubId)!;
  }

  apply(metrics: HubMetrics): void {
    if (!this.metrics.has(metrics.hubId)) return;
    this.metrics.set(metrics.hubId, metrics);
    this.stale = new Set(metrics.staleDepartments);
    this.changed();
  }

  applyAreaMetrics(metrics: LiveMetric[], staleDepartments: string[]): void {
    this.areaMetrics = metrics;
    this.stale = new Set(staleDepartments);
    this.changed();
  }

  /**
   * The department behind a declared metric when it is down, else null. Panels name the metric
   * they show (footfall, meals, …), never a department: whoever declares it is asked.
   */
  downDepartmentOf(metricName: string): string | null {
    const department = this.declaredMetrics().find((m) => m.name === metricName)?.department;
    return department !== undefined && this.stale.has(department) ? department : null;
  }

  /** The metrics the departments declare, in their order. */
  declaredMetrics(): LiveMetric[] {
    return this.areaMetrics ?? [...this.catalog];
  }

  /** A declared metric's total over the wall's hubs; before the hub's own totals arrive, the sum of the hubs' (a gauge's, none). */
  areaValue(name: string): number | null {
    if (this.areaMetrics) return this.areaMetrics.find((m) => m.name === name)?.value ?? null;
    let sum = 0;
    const kind = this.catalog.find((m) => m.name === name)?.kind;
    if (kind === undefined || kind === 'gauge') return null;
    for (const m of this.metrics.values()) sum += m.metrics.find((x) => x.name === name)?.value ?? 0;
    return sum;
  }

  /** A declared metric of one hub. */
  hubValue(hubId: string, name: string): number | null {
    return this.metricsOf(hubId).metrics.find((m) => m.name === name)?.value ?? null;
  }

  private changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      for (const listener of this.listeners) listener();
    }, REDRAW_EVERY_MS);
  }

  /** The district's totals: the sum of its hubs, as districtOverview adds them. */
  totals(): Totals {
    const totals: Totals = { hubs: this.hubs.length, occupancy: 0, footfallToday: 0, activitiesToday: 0, mealsToday: 0 };
    for (const m of this.metrics.values()) {
      totals.occupancy += m.occupancy;
      totals.footfallToday += m.footfallToday;
      totals.activitiesToday += m.activitiesToday;
      totals.mealsToday += m.mealsToday;
    }
    return totals;
  }

  /** The hubs by footfall today, most first (ties by name), each with its rank. */
  ranking(): { hub: ScreenHub; metrics: HubMetrics; rank: number }[] {
    const sorted = this.hubs
      .map((hub) => ({ hub, metrics: this.metricsOf(hub.id) }))
      .sort((a, b) => b.metrics.footfallToday - a.metrics.footfallToday || BY_NAME.compare(a.hub.name, b.hub.name));
    let rank = 0;
    return sorted.map((row, i) => {
      if (i === 0 || row.metrics.footfallToday !== sorted[i - 1].metrics.footfallToday) rank = i + 1;
      return { ...row, rank };
    });
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }
}
