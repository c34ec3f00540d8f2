import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { convertPoint } from '../../../core/geo/convert';
import { CoordSystem } from '../../../core/geo/coord-system';
import type { HubContext } from '../../../core/graphql/hub-context';
import { urbanSource } from '../urban-source';
import { BikeParkingNearArgs, DEFAULT_NEARBY_BIKE_PARKING } from './bike-parking-near.args';
import { DEFAULT_BIKE_PARKING_RADIUS_METERS } from './bike-parking-radius';
import { nearestWithin, pointsAround } from './bike-parking-search';
import { NearbyBikeParking } from './nearby-bike-parking';

@Resolver(() => NearbyBikeParking)
export class BikeParkingNearResolver {
  // Public, as nearbyHubs is: where to leave a bike says nothing about anyone.
  @Query(() => [NearbyBikeParking], {
    nullable: true,
    description: 'Bike-parking points at metro exits within radiusMeters of a point given in WGS84, GCJ02 or BD09, nearest first (ties by id); null when its department is down (DEPARTMENT_UNAVAILABLE)',
  })
  async bikeParkingNear(@Args() { near, radiusMeters, first }: BikeParkingNearArgs, @Ctx() context: HubContext): Promise<NearbyBikeParking[]> {
    // An explicit null means the default, as when the argument is left out.
    const limit = first ?? DEFAULT_NEARBY_BIKE_PARKING;
    if (limit === 0) return [];
    // Points are stored in WGS-84; distances are measured there.
    const circle = { centre: convertPoint(near, near.coordSystem, CoordSystem.WGS84), radiusMeters: radiusMeters ?? DEFAULT_BIKE_PARKING_RADIUS_METERS };
    return nearestWithin(await pointsAround(urbanSource(context), [circle]), circle, limit);
  }
}
