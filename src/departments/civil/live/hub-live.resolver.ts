import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '../../../core/auth/access';
import type { HubContext } from '../../../core/graphql/hub-context';
import { seriesByHub } from '../../../live/graphql/hub-series.loader';
import { liveOf } from '../../../live/graphql/live-of';
import { HubLiveMetrics, MetricPoint, TimeBucket } from '../../../live/graphql/live-types';
import { emptySeries, seriesMetric, valueIn } from '../../../live/graphql/metric-series';
import { toHubLiveMetrics } from '../../../live/graphql/to-graphql';
import { Hub } from '../hubs/hub.entity';

/** The live metrics of a hub, on civil's Hub type. */
@Resolver(() => Hub)
export class HubLiveResolver {
  @FieldResolver(() => HubLiveMetrics, { description: 'Its metrics for today, live (public: nothing personal)' })
  live(@Root() hub: Hub, @Ctx() context: HubContext): HubLiveMetrics {
    const { state } = liveOf(context);
    return toHubLiveMetrics(state.catalog, state.hubValues(hub.id));
  }

  @Authorized(Access.SCREEN)
  @FieldResolver(() => [MetricPoint], {
    description: 'A declared metric per bucket in [from, to): a daily counter’s sum (zeros included), a gauge’s last value. An unknown metric is refused, naming the known ones',
  })
  metricSeries(
    @Root() hub: Hub,
    @Arg('metric') name: string,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => TimeBucket) bucket: TimeBucket,
    @Ctx() context: HubContext,
  ): Promise<MetricPoint[]> {
    const metric = seriesMetric(liveOf(context), name);
    emptySeries({ from, to, bucket });
    return context.loaders
      .get(seriesByHub)
      .load({ hubId: hub.id, from, to, bucket, metrics: [metric.name] })
      .then((points) => points.map((point) => ({ at: point.at, value: valueIn(point, metric) })));
  }
}
