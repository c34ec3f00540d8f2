import type { Pool } from 'mysql2/promise';
import type { BenchHub } from './bench-hub';

/** One throughput comparison: a GraphQL operation against a plain endpoint returning the same JSON. */
export interface ThroughputScenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** What the plain node:http + mysql2 endpoint answers: the same JSON as the hub's `data`. */
  baseline(pools: Record<string, Pool>): Promise<unknown>;
  /** Prepares the databases (e.g. a larger seed) before the run. */
  prepare?(bench: BenchHub): Promise<void>;
}
