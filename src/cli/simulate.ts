import 'reflect-metadata';
import { loadConfig } from '../config';
import { ConfigError } from '../core/config-error';
import { SourceRegistry } from '../core/data-sources/source-registry';
import { createLogger } from '../core/logging/logger';
import { departments } from '../departments';
import { sourceDefinitions } from '../hub-source';
import { hubDirectoryOf } from '../live/metrics/metric-catalog';
import { SIMULATION_TICK_MS, SimulationDriver } from '../live/simulation-driver';
import { runCli } from './cli-errors';
import { parseCommandLine } from './command-line';
import { withSource } from '../core/departments/department-module';

/**
 * `npm run simulate` writes door-counter readings and canteen meals into the departments'
 * databases, as their own systems would, until stopped (Ctrl-C); a hub running anywhere over
 * the same databases shows them. `-- --once` writes one round and stops.
 */
const USAGE = `usage:
  npm run simulate             writes door-counter readings and canteen meals every few seconds until stopped (Ctrl-C)
  npm run simulate -- --once   writes one round and stops`;

runCli('simulate', async () => {
  const once = parseCommandLine(USAGE, { once: { type: 'boolean', default: false } }).values.once;
  const config = loadConfig(process.env, withSource(departments).map((d) => d.name));
  const sources = new SourceRegistry(config.sources, sourceDefinitions(departments, config.sources));
  await sources.open({ migrate: true });
  const logger = createLogger(config.logLevel, undefined, { pretty: config.nodeEnv === 'development' });
  const directory = hubDirectoryOf(departments);
  const hubs = await directory.read(sources.get(directory.source));
  if (hubs.length === 0) throw new ConfigError('civil source', 'there are no hubs to simulate: run `npm run seed` first');
  const driver = new SimulationDriver(departments, sources, () => hubs, logger);
  const report = (written: Record<string, number>) =>
    process.stderr.write(`${new Date().toISOString()} wrote ${Object.entries(written).map(([d, n]) => `${n} ${d} rows`).join(', ')}\n`);
  if (once) {
    // A round as if the last were one tick ago.
    report(await driver.tick(new Date(Date.now() + SIMULATION_TICK_MS)));
    await sources.close();
    return;
  }
  process.stderr.write(`simulating ${hubs.length} hubs every ${SIMULATION_TICK_MS / 1000} s (Ctrl-C stops)\n`);
  const timer = setInterval(async () => report(await driver.tick()), SIMULATION_TICK_MS);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(timer);
  await sources.close();
});
