import { crowdLevelOf } from '../src/departments/iot/live/crowd-level';
import type { LiveService } from '../src/live/live-service';
import type { HubMetricsValues } from './screen-socket';

/** Footfall today over every hub, as the hub's live state (what the screens are sent) has it. */
export function footfallTotal(live: LiveService): number {
  let total = 0;
  for (const hubId of live.state.hubIds()) total += live.state.hubValues(hubId).values.get('footfall') ?? 0;
  return total;
}

/** A hub's values as the screens' hubMetrics selection names them. */
export function hubMetricsValuesOf(live: LiveService, hubId: number): HubMetricsValues {
  const { values, updatedAt } = live.state.hubValues(hubId);
  const value = (name: string) => values.get(name) ?? 0;
  return {
    hubId,
    occupancy: value('occupancy'),
    crowdLevel: crowdLevelOf(value('occupancy'), live.state.hub(hubId)?.capacity ?? null),
    footfallToday: value('footfall'),
    activitiesToday: value('activities'),
    mealsToday: value('meals'),
    updatedAt,
  };
}

/**
 * Resolves with `performance.now()` at the moment the live state's footfall total reaches
 * `target` (checked on every change of the state, as it happens), or rejects after `timeoutMs`.
 */
export function whenFootfallReaches(live: LiveService, target: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the live state did not count the rows in ${timeoutMs} ms: footfall ${footfallTotal(live)}, expected ${target}`));
    }, timeoutMs);
    const check = () => {
      if (footfallTotal(live) < target) return;
      const at = performance.now();
      clearTimeout(timer);
      stop();
      resolve(at);
    };
    stop = live.state.onChange(check);
    check();
  });
}
