import type { SourceRegistry } from '../src/core/data-sources/source-registry';
import type { DepartmentModule } from '../src/core/departments/department-module';
import { seedFromName, seededRandom } from '../src/core/seeding/seeded-random';
import type { SeedContext } from '../src/core/seeding/seed-context';
import { buildCityDistrict, buildDemoDistrict } from './demo-district-plan';

export interface SeedOptions {
  scale: 'demo' | 'city';
  now?: Date;
  progress?: SeedContext['progress'];
}

/**
 * Seeds every department's demo rows. Each department skips what it has already seeded, so a
 * second run adds nothing.
 */
export async function seedDepartments(
  sources: SourceRegistry,
  modules: readonly DepartmentModule[],
  options: SeedOptions,
): Promise<void> {
  const district = options.scale === 'city' ? buildCityDistrict() : buildDemoDistrict();
  const now = options.now ?? new Date();
  for (const module of modules) {
    await module.seed?.({
      source: sources.get(module.name),
      district,
      now,
      random: seededRandom(seedFromName(module.name)),
      progress: options.progress ?? (() => {}),
    });
  }
}
