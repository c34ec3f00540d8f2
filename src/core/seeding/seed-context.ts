import type { DataSource } from 'typeorm';
import type { DemoDistrict } from './demo-district';

export interface SeedContext {
  /** The department's own data source. */
  source: DataSource;
  district: DemoDistrict;
  /** The moment the seed runs: activities and history are placed relative to it. */
  now: Date;
  /** A deterministic random number generator in [0, 1), one stream per department. */
  random: () => number;
  /** `--history N`: also the N days before yesterday (activities held), where the department keeps a history; 0 = none. */
  historyDays?: number;
  /** Reports progress of a long step (the city-scale seed draws a bar from it). */
  progress(step: string, done: number, total: number): void;
}
