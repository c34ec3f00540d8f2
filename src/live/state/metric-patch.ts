/**
 * A hub's counters as one feed holder knows them, absolute (not deltas): applying one twice, or
 * one lost and the next received, leaves every instance right.
 */
export interface MetricPatch {
  hubId: number;
  /** The local day the counts are for, `YYYY-MM-DD`. */
  day: string;
  entered?: number;
  exited?: number;
  meals?: number;
  activities?: number;
  /** Epoch ms of the change. */
  at: number;
}

export type CounterName = 'entered' | 'exited' | 'meals' | 'activities';
