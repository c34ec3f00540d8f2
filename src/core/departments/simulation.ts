import type { DataSource } from 'typeorm';

/** A hub as a simulator sees it: how many people it is built for. */
export interface SimulatedHub {
  id: number;
  capacity: number | null;
}

/** One tick of a department's simulator: write what its own systems would have written since the last. */
export interface SimulationContext {
  /** The department's own data source. */
  source: DataSource;
  now: Date;
  /** Time covered by this tick. */
  elapsedMs: number;
  hubs: readonly SimulatedHub[];
  random: () => number;
}
