import 'reflect-metadata';
import { seedDepartments } from '../../seeds/seed-departments';
import { loadConfig } from '../config';
import { ConfigError } from '../core/config-error';
import { SourceRegistry } from '../core/data-sources/source-registry';
import { departments } from '../departments';
import { sourceDefinitions } from '../hub-source';
import { runCli } from './cli-errors';
import { progressBar } from './progress-bar';

/**
 * `npm run seed` writes the demo district (58 hubs of Xihu) into empty sources;
 * `npm run seed -- --scale city` a city-sized set (~1,000 hubs, ~35,000 facilities).
 * A source that already has its rows is left as it is.
 */
runCli('seed', async () => {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? args[scaleAt + 1] : 'demo';
  if (scale !== 'demo' && scale !== 'city') throw new ConfigError('--scale', `"${scale}" is not demo or city`);
  const config = loadConfig(process.env, departments.map((d) => d.name));
  const sources = new SourceRegistry(config.sources, sourceDefinitions(departments));
  await sources.open({ migrate: true });
  try {
    process.stderr.write(`seeding the ${scale === 'city' ? 'city-scale set' : 'demo district'}\n`);
    const started = Date.now();
    await seedDepartments(sources, departments, { scale, progress: progressBar() });
    process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await sources.close();
  }
});
