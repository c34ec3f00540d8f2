import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { Hub } from '../../departments/civil';
import { emptySeries } from './footfall-series';
import { footfallSeriesByHub } from './hub-footfall-series.loader';
import { liveOf } from './live-of';
import { FootfallPoint, HubLiveMetrics, TimeBucket } from './live-types';
import { toHubLiveMetrics } from './to-graphql';

/** Live metrics on the civil department's Hub type. */
@Resolver(() => Hub)
export class HubLiveResolver {
  @FieldResolver(() => HubLiveMetrics, { description: 'Counters for today, live (public: nothing personal)' })
  live(@Root() hub: Hub, @Ctx() context: HubContext): HubLiveMetrics {
    return toHubLiveMetrics(liveOf(context).state.metrics(hub.id));
  }

  @Authorized(Access.SCREEN)
  @FieldResolver(() => [FootfallPoint], { description: 'Footfall and meals per bucket in [from, to), zeros included' })
  footfallSeries(
    @Root() hub: Hub,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => TimeBucket) bucket: TimeBucket,
    @Ctx() context: HubContext,
  ): Promise<FootfallPoint[]> {
    emptySeries({ from, to, bucket });
    return context.loaders.get(footfallSeriesByHub).load({ hubId: hub.id, from, to, bucket });
  }
}
