import { startBaseline } from './baseline-server';
import { getSender, graphqlSender, runAlternating, runLoad } from './load';
import type { BenchScenario, ThroughputScenario } from './scenario';

/**
 * A query's throughput: `concurrency` closed-loop callers for BENCH_SECONDS against the hub and
 * as long against a node:http + mysql2 endpoint answering the same JSON (checked first), in
 * alternating one-second slices.
 */
export function queryThroughput(scenario: ThroughputScenario): BenchScenario {
  return {
    name: scenario.name,
    title: `${scenario.label}: requests/s against node:http + mysql2 answering the same JSON`,
    async run(bench, settings) {
      await scenario.prepare?.(bench);
      const expected = JSON.stringify(await scenario.baseline(bench.pools));
      const answer = await (await fetch(bench.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: scenario.query, variables: scenario.variables }) })).json();
      if (JSON.stringify((answer as { data: unknown }).data) !== expected) throw new Error(`${scenario.name}: the baseline does not answer the same JSON as the hub`);
      const baseline = await startBaseline(() => scenario.baseline(bench.pools));
      try {
        const hubSender = graphqlSender(bench.url, scenario.query, scenario.variables);
        const warm = { concurrency: settings.concurrency, seconds: 1 };
        await runLoad(hubSender, warm);
        await runLoad(getSender(baseline.url), warm);
        const rounds = Math.max(1, Math.round(settings.seconds));
        const [hub, base] = await runAlternating(hubSender, getSender(baseline.url), { concurrency: settings.concurrency, seconds: settings.seconds, rounds });
        return {
          figures: [{ scenario: scenario.name, label: `${scenario.label} requests/s`, unit: '/s', hub: hub.perSecond, baseline: base.perSecond, better: 'higher' }],
          notes: [
            `${settings.concurrency} callers, ${settings.seconds} s a side in alternating ${(settings.seconds / Math.max(1, Math.round(settings.seconds))).toFixed(1)} s slices; latency p50/p99: hub ${hub.p50Ms.toFixed(1)}/${hub.p99Ms.toFixed(1)} ms, baseline ${base.p50Ms.toFixed(1)}/${base.p99Ms.toFixed(1)} ms`,
          ],
        };
      } finally {
        await baseline.close();
      }
    },
  };
}
