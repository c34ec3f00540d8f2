import type { SourceRegistry } from '../src/core/data-sources/source-registry';
import type { DepartmentModule } from '../src/core/departments/department-module';
import { seedFromName, seededRandom } from '../src/core/seeding/seeded-random';
import type { SeedContext } from '../src/core/seeding/seed-context';
import { buildCityDistrict, buildDemoDistrict } from './demo-district-plan';

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
  return outcome;
}
