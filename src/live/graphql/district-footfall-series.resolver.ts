import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { HUB_SOURCE } from '../../config';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { rollupSumsOf } from '../feeds/rollup-reader';
import { addRollups, emptySeries } from './footfall-series';
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
  async districtFootfallSeries(
    @Arg('district', () => String, { nullable: true }) district: string | null,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => TimeBucket) bucket: TimeBucket,
    @Ctx() context: HubContext,
  ): Promise<FootfallPoint[]> {
    const live = liveOf(context);
    const name = knownDistrict(live, district);
    const hubIds = name === null ? null : live.state.hubList().filter((hub) => hub.district === name).map((hub) => hub.id);
    const points = emptySeries({ from, to, bucket });
    return addRollups(points, bucket, await rollupSumsOf(context.services.sources.get(HUB_SOURCE), hubIds, points[0].at, to));
  }
}
