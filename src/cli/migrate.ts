import 'reflect-metadata';
import { loadConfig } from '../config';
import { describeSource } from '../core/data-sources/source-config';
import { SourceRegistry } from '../core/data-sources/source-registry';
import { departments } from '../departments';
import { sourceDefinitions } from '../hub-source';
import { runCli } from './cli-errors';
import { parseCommandLine } from './command-line';
import { withSource } from '../core/departments/department-module';

/** `npm run migrate`: brings every data source's tables up to date (the hub also does it at start). */
const USAGE = `usage:
  npm run migrate   brings every data source's tables up to date (npm start does it too)`;

runCli('migrate', async () => {
  parseCommandLine(USAGE, {});
  const config = loadConfig(process.env, withSource(departments).map((d) => d.name));
  const sources = new SourceRegistry(config.sources, sourceDefinitions(departments, config.sources));
  await sources.open({ migrate: true });
  for (const name of sources.names) {
    const state = sources.config(name).external ? 'external: checked, never migrated' : 'up to date';
    process.stdout.write(`${name.padEnd(8)} ${state}  ${describeSource(sources.config(name))}\n`);
  }
  await sources.close();
});
