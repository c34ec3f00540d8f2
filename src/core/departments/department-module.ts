import type { NonEmptyArray } from 'type-graphql';
import type { ChangeFeed } from './change-feed';
import type { DepartmentRoute, DepartmentRouteContext } from './department-route';
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
  /**
   * false: the module keeps no database of its own and reads the others' through their
   * exports (the bureau's review); it then has no `<NAME>_DB_URL`, no status of its own and no
   * DEPARTMENT keys. Default true.
   */
  ownSource?: boolean;
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
  /** HTTP routes of its own (the review's reports), served beside /graphql. */
  routes?(context: DepartmentRouteContext): DepartmentRoute[];
}

/** The modules that keep a data source of their own (named as the module). */
export function withSource(modules: readonly DepartmentModule[]): DepartmentModule[] {
  return modules.filter((m) => m.ownSource !== false);
}

/** Every department's own HTTP routes. */
export function routesOf(modules: readonly DepartmentModule[], context: DepartmentRouteContext): DepartmentRoute[] {
  return modules.flatMap((m) => m.routes?.(context) ?? []);
}

export function resolversOf(modules: readonly DepartmentModule[]): Function[] {
  return modules.flatMap((m) => m.resolvers);
}

export type Resolvers = NonEmptyArray<Function>;
