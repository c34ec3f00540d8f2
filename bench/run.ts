import 'reflect-metadata';
import { startBaseline } from './baseline-server';
import { startBenchHub } from './bench-hub';
import { getSender, graphqlSender, runLoad, type LoadResult } from './load';
import type { ThroughputScenario } from './scenario';
import { hubsPage } from './scenarios/hubs-page';
import { nearbyHubs } from './scenarios/nearby-hubs';

const SCENARIOS: ThroughputScenario[] = [nearbyHubs, hubsPage];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

function line(name: string, hub: LoadResult, base: LoadResult): string {
  return [
    name.padEnd(48),
    `hub ${hub.perSecond.toFixed(0).padStart(6)}/s p50 ${hub.p50Ms.toFixed(1)} ms p99 ${hub.p99Ms.toFixed(1)} ms`,
    `baseline ${base.perSecond.toFixed(0).padStart(6)}/s`,
    `ratio ${(hub.perSecond / base.perSecond).toFixed(2)}`,
  ].join(' | ');
}

/**
 * `npm run bench`: each scenario against its plain node:http + mysql2 baseline in the same run,
 * reported as a ratio (this machine is shared, absolute numbers vary; ratios much less).
 */
async function main(): Promise<void> {
  const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const bench = await startBenchHub(mysqlUrl);
  try {
    process.stdout.write(`${SECONDS} s per side, ${CONCURRENCY} concurrent callers, MariaDB at ${mysqlUrl}\n`);
    for (const scenario of SCENARIOS) {
      await scenario.prepare?.(bench);
      const expected = JSON.stringify(await scenario.baseline(bench.pools));
      const answer = await (await fetch(bench.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: scenario.query, variables: scenario.variables }) })).json();
      if (JSON.stringify((answer as { data: unknown }).data) !== expected) throw new Error(`${scenario.name}: the baseline does not answer the same JSON as the hub`);
      const baseline = await startBaseline(() => scenario.baseline(bench.pools));
      try {
        const warm = { concurrency: CONCURRENCY, seconds: 1 };
        await runLoad(graphqlSender(bench.url, scenario.query, scenario.variables), warm);
        await runLoad(getSender(baseline.url), warm);
        const base = await runLoad(getSender(baseline.url), { concurrency: CONCURRENCY, seconds: SECONDS });
        const hub = await runLoad(graphqlSender(bench.url, scenario.query, scenario.variables), { concurrency: CONCURRENCY, seconds: SECONDS });
        process.stdout.write(line(scenario.name, hub, base) + '\n');
      } finally {
        await baseline.close();
      }
    }
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
