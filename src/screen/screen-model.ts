import type { HubMetrics, ScreenHub } from './screen-types';

export interface Totals {
  hubs: number;
  occupancy: number;
  footfallToday: number;
  activitiesToday: number;
  mealsToday: number;
}

/** A panel redraws at most this often, however many hubs' messages arrive together (58 at connect). */
const REDRAW_EVERY_MS = 200;

/**
 * The hubs on the wall and their newest counters. Messages change values in place; panels are
 * told once per burst and update their numbers, never rebuild.
 */
export class ScreenModel {
  private readonly metrics = new Map<string, HubMetrics>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  readonly focus: ScreenHub | null;

  constructor(
    readonly hubs: readonly ScreenHub[],
    focusId: string | null,
  ) {
    for (const hub of hubs) this.metrics.set(hub.id, hub.live);
    this.focus = hubs.find((hub) => hub.id === focusId) ?? null;
  }

  metricsOf(hubId: string): HubMetrics {
    return this.metrics.get(hubId)!;
  }

  apply(metrics: HubMetrics): void {
    if (!this.metrics.has(metrics.hubId)) return;
    this.metrics.set(metrics.hubId, metrics);
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
      .sort((a, b) => b.metrics.footfallToday - a.metrics.footfallToday || a.hub.name.localeCompare(b.hub.name, 'zh-CN'));
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
