import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { liveOf } from '../../../live/graphql/live-of';
import { HubLiveMetrics } from '../../../live/graphql/live-types';
import { crowdLevelOf, CrowdLevel } from './crowd-level';
import { OCCUPANCY } from './iot-metrics';

/** The crowd level of a hub: its occupancy against its capacity, which the hub directory gives. */
@Resolver(() => HubLiveMetrics)
export class CrowdLevelResolver {
  @FieldResolver(() => CrowdLevel)
  crowdLevel(@Root() metrics: HubLiveMetrics, @Ctx() context: HubContext): CrowdLevel {
    const capacity = liveOf(context).state.hub(Number(metrics.hubId))?.capacity ?? null;
    return crowdLevelOf(metrics.values.get(OCCUPANCY) ?? 0, capacity);
  }
}
