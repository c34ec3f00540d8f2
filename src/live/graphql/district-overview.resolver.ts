import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Access } from '../../core/auth/access';
import { NotFoundError } from '../../core/errors/hub-errors';
import type { HubContext } from '../../core/graphql/hub-context';
import type { LiveService } from '../live-service';
import { liveOf } from './live-of';
import { DistrictOverview } from './live-types';
import { toDistrictOverview } from './to-graphql';

/** Checks the district exists: a typo should not look like a district where nothing happens. */
export function knownDistrict(live: LiveService, district: string | null | undefined): string | null {
  if (district === null || district === undefined) return null;
  if (!live.state.districts().includes(district)) throw new NotFoundError('district', district);
  return district;
}

@Resolver()
export class DistrictOverviewResolver {
  @Authorized(Access.SCREEN)
  @Query(() => DistrictOverview, { description: "A district's hubs together today (every hub when district is null)" })
  districtOverview(@Arg('district', () => String, { nullable: true }) district: string | null, @Ctx() context: HubContext): DistrictOverview {
    const live = liveOf(context);
    const name = knownDistrict(live, district);
    return toDistrictOverview(live.state.catalog, live.state.overview(name));
  }
}
