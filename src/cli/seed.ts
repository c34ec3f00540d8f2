import 'reflect-metadata';
import { buildCityDistrict, buildDemoDistrict } from '../../seeds/demo-district-plan';
import { seedDepartments } from '../../seeds/seed-departments';
import { seedRollupHistory } from '../../seeds/seed-history';
import { readLiveSettings } from '../live/live-settings';
import { HUB_SOURCE, loadConfig } from '../config';
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
  npm run seed -- --scale city --history 730
                                 and two years before yesterday: the hub's day and hour
                                 rollups of footfall and meals, and the activities held
A source that already has its rows is left as it is.`;

/**
 * `npm run seed` writes the demo district (58 hubs of Xihu) into empty sources;
 * `npm run seed -- --scale city` a city-sized set (~1,000 hubs, ~35,000 facilities).
 * A source that already has its rows is left as it is, and the command says so.
 */
runCli('seed', async () => {
  const { values } = parseCommandLine(USAGE, { scale: { type: 'string', default: 'demo' }, history: { type: 'string', default: '0' } });
  const scale = values.scale;
  if (scale !== 'demo' && scale !== 'city') throw new UsageError(`--scale: "${scale}" is not demo or city`, USAGE);
  const historyDays = Number(values.history);
  if (!Number.isInteger(historyDays) || historyDays < 0 || historyDays > 3_650) throw new UsageError(`--history: "${values.history}" is not a number of days from 0 to 3650`, USAGE);
  const config = loadConfig(process.env, withSource(departments).map((d) => d.name));
  const sources = new SourceRegistry(config.sources, sourceDefinitions(departments, config.sources));
  await sources.open({ migrate: true });
  try {
    process.stderr.write(`seeding the ${scale === 'city' ? 'city-scale set' : 'demo district'}\n`);
    const started = Date.now();
    const now = new Date();
    const progress = progressBar();
    const { seeded, skipped } = await seedDepartments(sources, departments, { scale, progress, now, historyDays });
    // The rollups are the hub's own: the history the feeds and the retention job would have left.
    const district = scale === 'city' ? buildCityDistrict() : buildDemoDistrict();
    if (await seedRollupHistory(sources.get(HUB_SOURCE), district, now, historyDays, readLiveSettings(process.env).retention.hourDays, progress)) seeded.push(`hub (${historyDays} days of rollups)`);
    const already = skipped.length > 0 ? `${skipped.join(', ')} already had rows: skipped` : '';
    if (seeded.length === 0) process.stderr.write(`nothing seeded: ${already}\n`);
    else process.stderr.write(`seeded ${seeded.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s${already ? `; ${already}` : ''}\n`);
  } finally {
    await sources.close();
  }
});
