import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { convertPoint } from '../../../core/geo/convert';
import { CoordSystem } from '../../../core/geo/coord-system';
import type { HubContext } from '../../../core/graphql/hub-context';
import { civilSource } from '../civil-source';
import { hubById } from '../hubs/hub-by-id.loader';
import type { Hub } from '../hubs/hub.entity';
import { NearbyHub } from './nearby-hub';
import { DEFAULT_NEARBY_HUBS, DEFAULT_RADIUS_METERS, NearbyHubsArgs } from './nearby-hubs.args';
import { searchNearby } from './nearby-search';

@Resolver(() => NearbyHub)
export class NearbyHubsResolver {
  @Query(() => [NearbyHub], {
    nullable: true,
    description: 'Hubs within radiusMeters of a point given in WGS84, GCJ02 or BD09, nearest first (ties by id); null when its department is down (DEPARTMENT_UNAVAILABLE)',
  })
  nearbyHubs(@Args() { near, radiusMeters, first, facility }: NearbyHubsArgs, @Ctx() context: HubContext): Promise<NearbyHub[]> {
    // Hubs are stored in WGS-84; distances are measured there.
    const centre = convertPoint(near, near.coordSystem, CoordSystem.WGS84);
    const loadHubs = async (ids: number[]): Promise<(Hub | null)[]> =>
      (await context.loaders.get(hubById).loadMany(ids)).map((hub) => {
        if (hub instanceof Error) throw hub;
        return hub;
      });
    // An explicit null means the default, as when the argument is left out.
    return searchNearby(
      civilSource(context),
      { centre, radiusMeters: radiusMeters ?? DEFAULT_RADIUS_METERS, first: first ?? DEFAULT_NEARBY_HUBS, facility },
      loadHubs,
    );
  }
}
