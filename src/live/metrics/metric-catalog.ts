import type { ChangeFeed } from '../../core/departments/change-feed';
import type { DepartmentModule } from '../../core/departments/department-module';
import type { HubDirectory } from '../../core/hubs/hub-directory';
import type { LiveMetricDefinition } from '../../core/departments/live-metric';

/** A declared metric and the department that declared it. */
export type CatalogMetric = LiveMetricDefinition & { department: string };

/**
 * Every live metric the registered departments declare, in their order, with the feed that
 * fills each stored one. Built once at start; a declaration that does not hold together (a name
 * used twice, a feed filling an undeclared metric, a derived metric of another department's
 * inputs) stops the start, naming it.
 */
export class MetricCatalog {
  readonly metrics: readonly CatalogMetric[];
  private readonly byName = new Map<string, CatalogMetric>();
  private readonly feedOf = new Map<string, { department: string; feed: ChangeFeed }>();

  constructor(modules: readonly DepartmentModule[]) {
    const metrics: CatalogMetric[] = [];
    for (const module of modules) {
      for (const definition of module.metrics ?? []) {
        if (this.byName.has(definition.name)) throw new Error(`live metric "${definition.name}" is declared by ${this.byName.get(definition.name)!.department} and ${module.name}`);
        const metric = { ...definition, department: module.name };
        this.byName.set(definition.name, metric);
        metrics.push(metric);
      }
    }
    for (const module of modules) {
      for (const feed of module.feeds ?? []) {
        for (const name of feedMetrics(feed)) {
          const metric = this.byName.get(name);
          if (!metric || metric.department !== module.name) throw new Error(`feed ${feed.name} fills "${name}", which ${module.name} does not declare`);
          const kind = feed.kind === 'append' ? 'dailyCounter' : feed.kind;
          if (metric.kind !== kind) throw new Error(`feed ${feed.name} is a ${feed.kind} feed, but "${name}" is a ${metric.kind} metric`);
          this.feedOf.set(name, { department: module.name, feed });
        }
      }
    }
    for (const metric of metrics) {
      if (metric.kind === 'derived') {
        for (const input of metric.from) {
          if (this.byName.get(input)?.department !== metric.department) throw new Error(`"${metric.name}" is derived from "${input}", which ${metric.department} does not declare`);
        }
      } else if (!this.feedOf.has(metric.name)) {
        throw new Error(`"${metric.name}" of ${metric.department} has no feed that fills it`);
      }
    }
    this.metrics = metrics;
  }

  find(name: string): CatalogMetric | undefined {
    return this.byName.get(name);
  }

  /** The names of the metrics of these kinds, in declaration order. */
  names(...kinds: CatalogMetric['kind'][]): string[] {
    return this.metrics.filter((m) => kinds.includes(m.kind)).map((m) => m.name);
  }

  /** The department whose feed fills `metric`. */
  departmentOf(metric: string): string | undefined {
    return this.byName.get(metric)?.department;
  }
}

/** The metrics a feed fills. */
export function feedMetrics(feed: ChangeFeed): readonly string[] {
  return feed.kind === 'append' ? feed.metrics : [feed.metric];
}

/** The one department that keeps the hubs gives the directory; without it there are no hubs to keep metrics for. */
export function hubDirectoryOf(modules: readonly DepartmentModule[]): { source: string; read: HubDirectory } {
  const keepers = modules.filter((m) => m.hubDirectory);
  if (keepers.length !== 1) throw new Error(`exactly one department must give the hub directory; ${keepers.length === 0 ? 'none does' : keepers.map((m) => m.name).join(' and ') + ' do'}`);
  return { source: keepers[0].name, read: keepers[0].hubDirectory! };
}
