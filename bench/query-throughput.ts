import type { BenchScenario, ThroughputScenario } from './scenario';
import { BaselineQueryProcess } from './process/baseline-query-process';
import { LoadProcess, mergeSlices } from './process/load-process';
import type { LoadSlice, LoadTarget } from './process/load-protocol';

/**
 * A query's throughput: autocannon (BENCH_CONCURRENCY connections) in a process of its own,
 * against the hub's process and against node:http + mysql2 answering the same JSON (checked
 * first) in a third, in alternating one-second slices for BENCH_SECONDS a side. Only answers
 * without errors count; failures are reported, and any makes the figure worthless.
 */
export function queryThroughput(scenario: ThroughputScenario): BenchScenario {
  return {
    name: scenario.name,
    title: `${scenario.label}: requests/s against node:http + mysql2 answering the same JSON`,
    async run(bench, settings) {
      await scenario.prepare?.(bench);
      const expected = JSON.stringify(await scenario.baseline(bench.pools));
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
      const answer = await (await fetch(bench.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
      if (JSON.stringify((answer as { data: unknown }).data) !== expected) {
        throw new Error(`${scenario.name}: the baseline does not answer the same JSON as the hub: hub ${JSON.stringify(answer).slice(0, 300)}, baseline ${expected.slice(0, 300)}`);
      }
      const baseline = await BaselineQueryProcess.start(scenario.name, bench.sourceUrls);
      const load = LoadProcess.start();
      try {
        const hubTarget: LoadTarget = { url: bench.url, method: 'POST', headers: { 'content-type': 'application/json' }, body };
        const baseTarget: LoadTarget = { url: baseline.url, method: 'GET' };
        const connections = settings.concurrency;
        // Warm both (JIT, pools) before the measured slices.
        await load.run(hubTarget, connections, 1);
        await load.run(baseTarget, connections, 1);
        const rounds = Math.max(1, Math.round(settings.seconds));
        const sliceSeconds = Math.max(1, Math.round(settings.seconds / rounds));
        const slices: [LoadSlice[], LoadSlice[]] = [[], []];
        for (let i = 0; i < rounds; i++) {
          slices[0].push(await load.run(hubTarget, connections, sliceSeconds));
          slices[1].push(await load.run(baseTarget, connections, sliceSeconds));
        }
        const [hub, base] = slices.map(mergeSlices);
        const notes = [
          `autocannon, ${connections} connections, ${rounds} alternating ${sliceSeconds} s slices a side (hub, baseline, each in its own process); ` +
            `latency p50/p99: hub ${hub.p50Ms.toFixed(1)}/${hub.p99Ms.toFixed(1)} ms, baseline ${base.p50Ms.toFixed(1)}/${base.p99Ms.toFixed(1)} ms; ` +
            `failed requests: hub ${hub.failed}, baseline ${base.failed}`,
        ];
        return {
          figures: [{ scenario: scenario.name, label: `${scenario.label} requests/s`, unit: '/s', hub: hub.perSecond, baseline: base.perSecond, better: 'higher', failures: hub.failed + base.failed }],
          notes,
        };
      } finally {
        await load.stop();
        await baseline.stop();
      }
    },
  };
}
