import type { SourceRegistry } from '../src/core/data-sources/source-registry';
import type { DepartmentModule } from '../src/core/departments/department-module';
import { seedFromName, seededRandom } from '../src/core/seeding/seeded-random';
import type { SeedContext } from '../src/core/seeding/seed-context';
import { HUB_SOURCE } from '../src/core/data-sources/hub-source-name';
import { buildCityDistrict, buildDemoDistrict } from './demo-district-plan';
import { seedRecentRollups } from './seed-recent-rollups';

export interface SeedOptions {
  scale: 'demo' | 'city';
  now?: Date;
  progress?: SeedContext['progress'];
  /** `--history N`: the N days before yesterday too. */
  historyDays?: number;
}

/** The departments that wrote rows, and those that found theirs already there. */
export interface SeedOutcome {
  seeded: string[];
  skipped: string[];
}

/**
 * Seeds every department's demo rows. Each department skips what it has already seeded, so a
 * second run adds nothing; an external source is never seeded (nor listed as seeded or skipped). A department that wrote rows reported progress while it did.
 * The hub's rollups of the 12 days before yesterday come with the counters' departments (seed-recent-rollups).
 */
export async function seedDepartments(
  sources: SourceRegistry,
  modules: readonly DepartmentModule[],
  options: SeedOptions,
): Promise<SeedOutcome> {
  const district = options.scale === 'city' ? buildCityDistrict() : buildDemoDistrict();
  const now = options.now ?? new Date();
  const outcome: SeedOutcome = { seeded: [], skipped: [] };
  for (const module of modules) {
    if (!module.seed) continue;
    // An external source is the department's own: the hub never writes demo rows into it.
    if (sources.config(module.name).external) continue;
    let wrote = false;
    await module.seed({
      source: sources.get(module.name),
      district,
      now,
      random: seededRandom(seedFromName(module.name)),
      historyDays: options.historyDays ?? 0,
      progress: (step, done, total) => {
        wrote = true;
        options.progress?.(step, done, total);
      },
    });
    (wrote ? outcome.seeded : outcome.skipped).push(module.name);
  }
  // The hub's own rollups of the days before yesterday, of the counters whose department was seeded now.
  const recent = new Set([...(outcome.seeded.includes('iot') ? ['footfall' as const] : []), ...(outcome.seeded.includes('health') ? ['meals' as const] : [])]);
  await seedRecentRollups(sources.get(HUB_SOURCE), district, now, recent);
  return outcome;
}
