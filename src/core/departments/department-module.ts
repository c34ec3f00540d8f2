import type { NonEmptyArray } from 'type-graphql';
import type { ChangeFeed } from './change-feed';
import type { DepartmentSettings } from './department-settings';
import type { HubDirectory } from '../hubs/hub-directory';
import type { LiveMetricDefinition } from './live-metric';
import type { SeedContext } from '../seeding/seed-context';
import type { SimulationContext } from './simulation';

/**
 * One department's contribution to the hub. Its `name` is also the name of its data source,
 * configured by `<NAME>_DB_URL`. Registered in `src/departments/index.ts`.
 */
export interface DepartmentModule {
  name: string;
  /** The department's name as residents and staff know it, e.g. 民政局. */
  title: string;
  entities: Function[];
  migrations: Function[];
  /**
   * Records that are the hub's own although they concern this department (civil's bookings:
   * 幸福荟 is the booking system). While the department's source is managed they live there;
   * when it is external (`<NAME>_DB_EXTERNAL=true`) these entities move to the hub's own source,
   * whose migrations then include these.
   */
  hubKept?: { entities: Function[]; migrations: Function[] };
  /** type-graphql resolvers; may add field resolvers to another department's exported types. */
  resolvers: Function[];
  /** Its own settings (`FOOTFALL_MAX_AGE_DAYS`, …), read at start. */
  settings?: DepartmentSettings<unknown>;
  /** The live metrics it adds (footfall, meals, activities, …), each fed by one of its feeds or derived from others. */
  metrics?: LiveMetricDefinition[];
  /** Tables whose rows become values of its metrics. */
  feeds?: ChangeFeed[];
  /** Given by the one department that keeps the hubs (civil): how the others learn of them. */
  hubDirectory?: HubDirectory;
  /** Writes the demo district's rows of this department; must add nothing when run twice. */
  seed?(context: SeedContext): Promise<void>;
  /** Demo: writes what the department's devices would (door counters, tills), every few seconds when SIMULATOR is on; returns the rows written. */
  simulate?(context: SimulationContext): Promise<number>;
}

export function resolversOf(modules: readonly DepartmentModule[]): Function[] {
  return modules.flatMap((m) => m.resolvers);
}

export type Resolvers = NonEmptyArray<Function>;
