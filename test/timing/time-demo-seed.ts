/**
 * How long the demo seed takes, as the test suites run it: `seedDepartments` on fresh databases,
 * and a whole test hub's start (seed, feeds' first pass, live state) until it answers.
 * Not a test (it times a shared machine): built with tsc and run by hand,
 *   npx tsc -p tsconfig.json --outDir dist/timing && node /tmp/xh-timing/test/timing/time-demo-seed.js [runs]
 * MySQL is timed where XH_TEST_MYSQL_URL names a server.
 */
import 'reflect-metadata';
import { seedDepartments } from '../../seeds/seed-departments';
import { departments } from '../../src/departments';
import type { Driver } from '../helpers/drivers';
import { startTestHub } from '../helpers/test-hub';
import { openTestSources } from '../helpers/test-sources';

async function timeSeed(driver: Driver): Promise<number> {
  const opened = await openTestSources(driver);
  try {
    const started = performance.now();
    await seedDepartments(opened.sources, departments, { scale: 'demo' });
    return performance.now() - started;
  } finally {
    await opened.close();
  }
}

async function timeHubStart(driver: Driver): Promise<number> {
  const started = performance.now();
  const hub = await startTestHub({ driver });
  const elapsed = performance.now() - started;
  await hub.close();
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const drivers: Driver[] = process.env.XH_TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
  for (const driver of drivers) {
    const seeds: number[] = [];
    const starts: number[] = [];
    for (let i = 0; i < runs; i++) {
      seeds.push(await timeSeed(driver));
      starts.push(await timeHubStart(driver));
    }
    const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
    process.stdout.write(`${driver}: seedDepartments ${fmt(seeds)}; test hub start ${fmt(starts)}\n`);
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
