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
