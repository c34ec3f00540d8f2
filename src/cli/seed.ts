import 'reflect-metadata';
import { seedDepartments } from '../../seeds/seed-departments';
import { loadConfig } from '../config';
import { SourceRegistry } from '../core/data-sources/source-registry';
import { departments } from '../departments';
import { sourceDefinitions } from '../hub-source';
import { runCli } from './cli-errors';
import { parseCommandLine, UsageError } from './command-line';
import { progressBar } from './progress-bar';
import { withSource } from '../core/departments/department-module';

const USAGE = `usage:
  npm run seed                   the demo district (58 hubs of Xihu) into empty sources
  npm run seed -- --scale city   a city-sized set (~1,000 hubs, ~35,000 facilities)
A source that already has its rows is left as it is.`;

/**
 * `npm run seed` writes the demo district (58 hubs of Xihu) into empty sources;
 * `npm run seed -- --scale city` a city-sized set (~1,000 hubs, ~35,000 facilities).
 * A source that already has its rows is left as it is, and the command says so.
 */
runCli('seed', async () => {
  const { values } = parseCommandLine(USAGE, { scale: { type: 'string', default: 'demo' } });
  const scale = values.scale;
  if (scale !== 'demo' && scale !== 'city') throw new UsageError(`--scale: "${scale}" is not demo or city`, USAGE);
  const config = loadConfig(process.env, withSource(departments).map((d) => d.name));
  const sources = new SourceRegistry(config.sources, sourceDefinitions(departments));
  await sources.open({ migrate: true });
  try {
    process.stderr.write(`seeding the ${scale === 'city' ? 'city-scale set' : 'demo district'}\n`);
    const started = Date.now();
    const { seeded, skipped } = await seedDepartments(sources, departments, { scale, progress: progressBar() });
    const already = skipped.length > 0 ? `${skipped.join(', ')} already had rows: skipped` : '';
    if (seeded.length === 0) process.stderr.write(`nothing seeded: ${already}\n`);
    else process.stderr.write(`seeded ${seeded.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s${already ? `; ${already}` : ''}\n`);
  } finally {
    await sources.close();
  }
});
