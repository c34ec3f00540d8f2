import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { HUB_SOURCE } from '../../config';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { districtFootfallSeries } from './district-footfall-series';
import { knownDistrict } from './district-overview.resolver';
import { liveOf } from './live-of';
import { FootfallPoint, TimeBucket } from './live-types';

/** The district's curve on the wall screens: its hubs' footfall together, from the same rollups as each hub's series. */
@Resolver()
export class DistrictFootfallSeriesResolver {
  @Authorized(Access.SCREEN)
  @Query(() => [FootfallPoint], {
    description: "A district's hubs together (every hub when district is null): footfall and meals per bucket in [from, to), zeros included",
  })
  districtFootfallSeries(
    @Arg('district', () => String, { nullable: true }) district: string | null,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => TimeBucket) bucket: TimeBucket,
    @Ctx() context: HubContext,
  ): Promise<FootfallPoint[]> {
    const live = liveOf(context);
    const name = knownDistrict(live, district);
    const hubIds = name === null ? null : live.state.hubList().filter((hub) => hub.district === name).map((hub) => hub.id);
    return districtFootfallSeries(context.services.sources.get(HUB_SOURCE), hubIds, from, to, bucket);
  }
}
