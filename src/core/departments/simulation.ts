import type { DataSource } from 'typeorm';
import type { HubInfo } from '../hubs/hub-directory';

/** One tick of a department's simulator: write what its own systems would have written since the last. */
export interface SimulationContext {
  /** The department's own data source. */
  source: DataSource;
  now: Date;
  /** Time covered by this tick. */
  elapsedMs: number;
  hubs: readonly HubInfo[];
  random: () => number;
}
