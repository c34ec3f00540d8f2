import type { Pool } from 'mysql2/promise';
import type { BenchHub } from './bench-hub';
import type { ScenarioResult } from './report';
import type { BenchSettings } from './settings';

interface ScenarioName {
  /** What `npm run bench -- <name>` calls it. */
  name: string;
  /** One line: what is compared with what. */
  title: string;
}

/** Measured on the bench's demo hub. */
export interface SharedHubScenario extends ScenarioName {
  ownHubs?: false;
  run(bench: BenchHub, settings: BenchSettings): Promise<ScenarioResult>;
}

/** Starts hubs of its own (the city): the demo hub is stopped before it runs, or never started. */
export interface OwnHubsScenario extends ScenarioName {
  ownHubs: true;
  run(settings: BenchSettings): Promise<ScenarioResult>;
}

/** One file under bench/scenarios/: measures the hub and its baseline in the same run. */
export type BenchScenario = SharedHubScenario | OwnHubsScenario;

/** One throughput comparison: a GraphQL operation against a plain endpoint returning the same JSON. */
export interface ThroughputScenario {
  name: string;
  /** The operation, in a few words, for the report. */
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  /** What the plain node:http + mysql2 endpoint answers: the same JSON as the hub's `data`. */
  baseline(pools: Record<string, Pool>): Promise<unknown>;
  /** The baseline's answer never changes: read once, then only serialised (the framework-only case). */
  staticBaseline?: boolean;
  /** Prepares the databases (e.g. a larger seed) before the run. */
  prepare?(bench: BenchHub): Promise<void>;
}
