import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { startBenchHub } from './bench-hub';
import { raiseFdLimitOrContinue } from './fd-limit';
import { formatFigure, formatNote, type Figure } from './report';
import type { BenchScenario } from './scenario';
import { city } from './scenarios/city';
import { fanOut } from './scenarios/fan-out';
import { freshnessIngest } from './scenarios/freshness-ingest';
import { freshnessRow } from './scenarios/freshness-row';
import { hubsPage } from './scenarios/hubs-page';
import { ingestFeed } from './scenarios/ingest-feed';
import { ingestMutation } from './scenarios/ingest-mutation';
import { nearbyHubs } from './scenarios/nearby-hubs';
import { staticList } from './scenarios/static-list';
import { typename } from './scenarios/typename';
import { readSettings } from './settings';

/** In the order `npm run bench` runs them; the heaviest (10,000 sockets, then the city) last. */
const SCENARIOS: BenchScenario[] = [staticList, typename, nearbyHubs, hubsPage, ingestMutation, ingestFeed, freshnessRow, freshnessIngest, fanOut, city];
/** What `--quick` leaves out. */
const FULL_ONLY = new Set<BenchScenario>([city]);

function chosen(args: readonly string[], quick: boolean): BenchScenario[] {
  if (args.length === 0) return SCENARIOS.filter((s) => !quick || !FULL_ONLY.has(s));
  const unknown = args.filter((a) => !SCENARIOS.some((s) => s.name === a));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}: one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return SCENARIOS.filter((s) => args.includes(s.name));
}

/**
 * `npm run bench [-- --quick] [-- <scenario>…]`: the hub in its own process (dist/src/main.js,
 * as `npm start` runs it), the load in another, each baseline in a third; each scenario measures
 * hub and baseline in the same run and reports hub ÷ baseline (this machine is shared: absolute
 * numbers vary, ratios much less). `npm run bench -- --list` names the scenarios.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--list')) {
    for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(18)} ${s.title}\n`);
    return;
  }
  const quick = argv.includes('--quick');
  const args = argv.filter((a) => a !== '--quick');
  const settings = readSettings(quick);
  const scenarios = chosen(args, quick);
  // The clients' processes hold one descriptor per socket (the hub's raises its own limit).
  if (scenarios.includes(fanOut) || scenarios.includes(city)) raiseFdLimitOrContinue(settings.fanOutSubscribers + 1_000);

  const started = performance.now();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  // The demo hub only for the scenarios measured on it; the city starts hubs of its own.
  let bench = scenarios.some((s) => !s.ownHubs) ? await startBenchHub(settings.mysqlUrl) : undefined;
  const hubEnvironment = bench?.hubEnvironment ?? {};
  const figures: Figure[] = [];
  const notes: Record<string, string[]> = {};
  try {
    if (bench) {
      await bench.live.drain();
      process.stdout.write(
        `MariaDB at ${settings.mysqlUrl}; ${machine}; hub process ${bench.hub.pid} started in ${((performance.now() - started) / 1000).toFixed(1)} s with ` +
          `${Object.entries(bench.hubEnvironment).map(([k, v]) => `${k}=${v}`).join(' ')} (every other setting at its default: ` +
          `FEED_POLL_MS=${bench.settings.live.feedPollMs} FEED_BATCH_SIZE=${bench.settings.live.feedBatchSize}); ratio = hub ÷ baseline${quick ? '; --quick sizes' : ''}\n`,
      );
    } else {
      process.stdout.write(`MariaDB at ${settings.mysqlUrl}; ${machine}\n`);
    }
    for (const scenario of scenarios) {
      const at = performance.now();
      process.stdout.write(`\n== ${scenario.name}: ${scenario.title}\n`);
      // BENCH_HUB_PROFILE=<dir>: the hub's CPU profile of each scenario, <dir>/<scenario>.cpuprofile.
      const profile = process.env.BENCH_HUB_PROFILE ? path.resolve(process.env.BENCH_HUB_PROFILE, `${scenario.name}.cpuprofile`) : undefined;
      if (profile) mkdirSync(path.dirname(profile), { recursive: true });
      let result;
      if (scenario.ownHubs) {
        // Nothing of the demo hub's runs beside the scenario's own hubs.
        await bench?.close();
        bench = undefined;
        result = await scenario.run(settings);
      } else {
        const shared = bench!;
        const profiled = shared.hub;
        if (profile) await profiled.profileStart();
        result = await scenario.run(shared, settings);
        // A scenario that restarted the hub took the profile with the old process.
        if (profile && profiled === shared.hub) await profiled.profileStop(profile);
      }
      for (const figure of result.figures) process.stdout.write(formatFigure(figure) + '\n');
      for (const note of result.notes) process.stdout.write(formatNote(note) + '\n');
      process.stdout.write(formatNote(`(${((performance.now() - at) / 1000).toFixed(1)} s)`) + '\n');
      figures.push(...result.figures);
      notes[scenario.name] = result.notes;
    }
  } finally {
    await bench?.close();
  }
  process.stdout.write(`\n== summary (${((performance.now() - started) / 1000).toFixed(0)} s)\n${figures.map(formatFigure).join('\n')}\n`);
  mkdirSync(path.dirname(settings.jsonPath), { recursive: true });
  writeFileSync(settings.jsonPath, JSON.stringify({ at: new Date().toISOString(), machine, hubEnvironment, settings, figures, notes }, null, 2));
  process.stdout.write(`written to ${settings.jsonPath}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
