import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { convertPoint } from '../../../core/geo/convert';
import { CoordSystem } from '../../../core/geo/coord-system';
import type { HubContext } from '../../../core/graphql/hub-context';
import { civilSource } from '../civil-source';
import { hubById } from '../hubs/hub-by-id.loader';
import type { Hub } from '../hubs/hub.entity';
import { NearbyHub } from './nearby-hub';
import { DEFAULT_NEARBY_HUBS, DEFAULT_RADIUS_METERS, NearbyHubsArgs } from './nearby-hubs.args';
import { searchNearby, searchNearbyInIndex } from './nearby-search';
import { hubIndexOf } from '../hubs/hub-index';

@Resolver(() => NearbyHub)
export class NearbyHubsResolver {
  @Query(() => [NearbyHub], {
    nullable: true,
    description: 'Hubs within radiusMeters of a point given in WGS84, GCJ02 or BD09, nearest first (ties by id); null when its department is down (DEPARTMENT_UNAVAILABLE)',
  })
  async nearbyHubs(@Args() { near, radiusMeters, first, facility }: NearbyHubsArgs, @Ctx() context: HubContext): Promise<NearbyHub[]> {
    // Hubs are stored in WGS-84; distances are measured there.
    const centre = convertPoint(near, near.coordSystem, CoordSystem.WGS84);
    // An explicit null means the default, as when the argument is left out.
    const search = { centre, radiusMeters: radiusMeters ?? DEFAULT_RADIUS_METERS, first: first ?? DEFAULT_NEARBY_HUBS, facility };
    // Without a facility the hub index answers (as fresh as FEED_POLL_MS); with one, SQL does.
    if (!facility) return searchNearbyInIndex(await hubIndexOf(context).current(), search);
    const loadHubs = async (ids: number[]): Promise<(Hub | null)[]> =>
      (await context.loaders.get(hubById).loadMany(ids)).map((hub) => {
        if (hub instanceof Error) throw hub;
        return hub;
      });
    return searchNearby(civilSource(context), search, loadHubs);
  }
}
