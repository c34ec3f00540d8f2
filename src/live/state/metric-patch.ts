import type { GaugePoint } from '../../core/departments/change-feed';

/**
 * A hub's day counts (daily counters and recounts) as one feed holder knows them, absolute (not
 * deltas): applying one twice, or one lost and the next received, leaves every instance right.
 */
export interface CountPatch {
  hubId: number;
  /** The local day the counts are for, `YYYY-MM-DD`. */
  day: string;
  /** By metric name. */
  values: Record<string, number>;
  /** Epoch ms of the change. */
  at: number;
}

/** Points of a gauge as its feed's holder knows them; `complete`: every point (a rebuild), the others are gone. */
export interface GaugePatch {
  metric: string;
  points: GaugePoint[];
  complete: boolean;
  at: number;
}
