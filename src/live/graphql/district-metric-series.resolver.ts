import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { districtSeries } from './area-series';
import { liveOf } from './live-of';
import { MetricPoint, TimeBucket } from './live-types';
import { seriesMetric, valueIn } from './metric-series';

@Resolver()
export class DistrictMetricSeriesResolver {
  @Authorized(Access.SCREEN)
  @Query(() => [MetricPoint], {
    nullable: true,
    description: "A district's hubs together (every hub when district is null): a daily counter's sum per bucket in [from, to), zeros included; null when the hub's own database is down (DEPARTMENT_UNAVAILABLE)",
  })
  async districtMetricSeries(
    @Arg('metric', { description: 'A declared daily counter: footfall, meals, …' }) name: string,
    @Arg('district', () => String, { nullable: true }) district: string | null,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => TimeBucket) bucket: TimeBucket,
    @Ctx() context: HubContext,
  ): Promise<MetricPoint[]> {
    const metric = seriesMetric(liveOf(context), name, { areas: true });
    const points = await districtSeries(context, district, [metric.name], { from, to, bucket });
    return points.map((point) => ({ at: point.at, value: valueIn(point, metric) }));
  }
}
