import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { MAX_PAGE_SIZE } from '../../../core/pagination/page-size';
import { Hub } from '../../civil';
import { bikeParkingByHub } from './bike-parking-by-hub.loader';
import { DEFAULT_BIKE_PARKING_RADIUS_METERS } from './bike-parking-radius';
import { HubBikeParkingArgs } from './hub-bike-parking.args';
import { NearbyBikeParking } from './nearby-bike-parking';

/** Adds `Hub.nearbyBikeParking` to civil's Hub from this folder; nothing in civil knows of it. */
@Resolver(() => Hub)
export class HubNearbyBikeParkingResolver {
  @FieldResolver(() => [NearbyBikeParking], { description: `Bike-parking points at metro exits near the hub, nearest first (ties by id), at most ${MAX_PAGE_SIZE}` })
  nearbyBikeParking(@Root() hub: Hub, @Args() { radiusMeters }: HubBikeParkingArgs, @Ctx() context: HubContext): Promise<NearbyBikeParking[]> {
    return context.loaders.get(bikeParkingByHub).load({ hubId: hub.id, lat: hub.lat, lng: hub.lng, radiusMeters: radiusMeters ?? DEFAULT_BIKE_PARKING_RADIUS_METERS });
  }
}
