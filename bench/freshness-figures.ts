import type { FreshnessResult } from './freshness-probe';
import { quantile, type Figure, type ScenarioResult } from './report';

/** The freshness scenarios' report: p50 and p95 of write -> screen, hub against baseline. */
export function freshnessResult(scenario: string, path: string, hub: FreshnessResult, base: FreshnessResult, notes: string[]): ScenarioResult {
  const figure = (p: number): Figure => ({ scenario, label: `${path} p${p * 100}`, unit: 'ms', hub: quantile(hub.latencies, p), baseline: quantile(base.latencies, p), better: 'lower' });
  const max = (r: FreshnessResult) => quantile(r.latencies, 1).toFixed(0);
  return {
    figures: [figure(0.5), figure(0.95)],
    notes: [
      ...notes,
      `${hub.latencies.length} samples on the hub (max ${max(hub)} ms), ${base.latencies.length} on the baseline (max ${max(base)} ms)` +
        (hub.missing + base.missing > 0 ? `; MISSING: hub ${hub.missing}, baseline ${base.missing}` : ''),
    ],
  };
}
