import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../../core/auth/access';
import type { HubContext } from '../../../core/graphql/hub-context';
import { districtSeries } from '../../../live/graphql/area-series';
import { seriesByHub } from '../../../live/graphql/hub-series.loader';
import { liveOf } from '../../../live/graphql/live-of';
import { TimeBucket } from '../../../live/graphql/live-types';
import { emptySeries, type SeriesPoint } from '../../../live/graphql/metric-series';
import { Hub } from '../../civil';
import { FootfallPoint } from './footfall-point';
import { EXITS, FOOTFALL } from './iot-metrics';

/** The day's counters of every department in each bucket, so that other departments' fields (meals) read theirs. */
function toFootfallPoints(points: SeriesPoint[]): FootfallPoint[] {
  return points.map(({ at, values }) => ({ at, entered: values.get(FOOTFALL) ?? 0, exited: values.get(EXITS) ?? 0, values }));
}

const countersOf = (context: HubContext) => liveOf(context).state.catalog.names('dailyCounter');

/** Footfall series on the civil department's Hub, and a district's. */
@Resolver(() => Hub)
export class FootfallSeriesResolver {
  @Authorized(Access.SCREEN)
  @FieldResolver(() => [FootfallPoint], { description: 'People in and out per bucket in [from, to), zeros included' })
  async footfallSeries(
    @Root() hub: Hub,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => TimeBucket) bucket: TimeBucket,
    @Ctx() context: HubContext,
  ): Promise<FootfallPoint[]> {
    emptySeries({ from, to, bucket });
    return toFootfallPoints(await context.loaders.get(seriesByHub).load({ hubId: hub.id, from, to, bucket, metrics: countersOf(context) }));
  }

  /** The district's curve on the wall screens: its hubs' footfall together, from the same rollups as each hub's series. */
  @Authorized(Access.SCREEN)
  @Query(() => [FootfallPoint], { nullable: true, description: "A district's hubs together (every hub when district is null), or one street's (street): people in and out per bucket in [from, to), zeros included; null when the hub's own database is down (DEPARTMENT_UNAVAILABLE)" })
  async districtFootfallSeries(
    @Arg('district', () => String, { nullable: true }) district: string | null,
    @Arg('street', () => String, { nullable: true, description: 'Only the hubs of this street or town (街道/镇)' }) street: string | null,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => TimeBucket) bucket: TimeBucket,
    @Ctx() context: HubContext,
  ): Promise<FootfallPoint[]> {
    return toFootfallPoints(await districtSeries(context, district, countersOf(context), { from, to, bucket }, street));
  }
}
