/**
 * A live metric a department adds to the hub: the live layer keeps it per hub for the
 * Asia/Shanghai day, rolls it up in 5-minute buckets, totals it per street and district and
 * pushes it to the screens, knowing nothing of it but this declaration.
 */
export type LiveMetricDefinition = StoredMetric | DerivedMetric;

interface MetricBase {
  /** Unique in the hub: `footfall`, `meals`, `activities`, `bikeSpacesFree`. */
  name: string;
  /** What a screen prints: 今日客流. */
  title: string;
  /** 人次, 场, 个. */
  unit?: string;
}

export interface StoredMetric extends MetricBase {
  /**
   * - `dailyCounter`: summed over the local day from appended rows (footfall, meals);
   * - `recount`: a per-hub count for the local day, taken again when rows change (activities);
   * - `gauge`: the latest value, from rows that change (bike spaces free). A gauge's value is
   *   held by points, each serving one or more hubs; an area's total counts each point once.
   */
  kind: 'dailyCounter' | 'recount' | 'gauge';
}

/** Computed from other metrics of the same department when read, never stored: occupancy = footfall − exits. */
export interface DerivedMetric extends MetricBase {
  kind: 'derived';
  /** The metrics it is computed from, of its own department. */
  from: readonly string[];
  compute(inputs: Readonly<Record<string, number>>): number;
}
