import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { startBenchHub } from './bench-hub';
import { raiseFdLimitOrContinue } from './fd-limit';
import { formatFigure, formatNote, type Figure } from './report';
import type { BenchScenario } from './scenario';
import { fanOut } from './scenarios/fan-out';
import { freshnessIngest } from './scenarios/freshness-ingest';
import { freshnessRow } from './scenarios/freshness-row';
import { hubsPage } from './scenarios/hubs-page';
import { ingestFeed } from './scenarios/ingest-feed';
import { ingestMutation } from './scenarios/ingest-mutation';
import { nearbyHubs } from './scenarios/nearby-hubs';
import { readSettings } from './settings';

/** In the order `npm run bench` runs them; the heaviest (10,000 sockets) last. */
const SCENARIOS: BenchScenario[] = [nearbyHubs, hubsPage, ingestMutation, ingestFeed, freshnessRow, freshnessIngest, fanOut];

function chosen(args: readonly string[]): BenchScenario[] {
  if (args.length === 0) return SCENARIOS;
  const unknown = args.filter((a) => !SCENARIOS.some((s) => s.name === a));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}: one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return SCENARIOS.filter((s) => args.includes(s.name));
}

/**
 * `npm run bench [-- <scenario>…]`: each scenario measures the hub and its baseline in the same
 * run and reports hub ÷ baseline (this machine is shared: absolute numbers vary, ratios much
 * less). `npm run bench -- --list` names the scenarios.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(18)} ${s.title}\n`);
    return;
  }
  const scenarios = chosen(args);
  const settings = readSettings();
  // The hub's process holds one descriptor per subscriber socket.
  if (scenarios.includes(fanOut)) raiseFdLimitOrContinue(settings.fanOutSubscribers + 1_000);

  const started = performance.now();
  const bench = await startBenchHub(settings.mysqlUrl);
  const figures: Figure[] = [];
  try {
    await bench.live.drain();
    const { live } = bench.settings;
    process.stdout.write(
      `MariaDB at ${settings.mysqlUrl}; hub started in ${((performance.now() - started) / 1000).toFixed(1)} s with ` +
        `LIVE_PUSH_INTERVAL_MS=${live.pushIntervalMs} FEED_POLL_MS=${live.feedPollMs} FEED_BATCH_SIZE=${live.feedBatchSize} ` +
        `RATE_LIMIT_PER_SECOND=${bench.settings.limits.rateLimit.perSecond}; ratio = hub ÷ baseline\n`,
    );
    for (const scenario of scenarios) {
      const at = performance.now();
      process.stdout.write(`\n== ${scenario.name}: ${scenario.title}\n`);
      const result = await scenario.run(bench, settings);
      for (const figure of result.figures) process.stdout.write(formatFigure(figure) + '\n');
      for (const note of result.notes) process.stdout.write(formatNote(note) + '\n');
      process.stdout.write(formatNote(`(${((performance.now() - at) / 1000).toFixed(1)} s)`) + '\n');
      figures.push(...result.figures);
    }
  } finally {
    await bench.close();
  }
  process.stdout.write(`\n== summary (${((performance.now() - started) / 1000).toFixed(0)} s)\n${figures.map(formatFigure).join('\n')}\n`);
  if (settings.jsonPath) writeFileSync(settings.jsonPath, JSON.stringify({ at: new Date().toISOString(), settings, figures }, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
