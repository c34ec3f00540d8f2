import { Max, Min } from 'class-validator';
import { ArgsType, Field, Float } from 'type-graphql';
import { DEFAULT_BIKE_PARKING_RADIUS_METERS, MAX_BIKE_PARKING_RADIUS_METERS } from './bike-parking-radius';

@ArgsType()
export class HubBikeParkingArgs {
  @Field(() => Float, { nullable: true, defaultValue: DEFAULT_BIKE_PARKING_RADIUS_METERS, description: `Metres from the hub, at most ${MAX_BIKE_PARKING_RADIUS_METERS}` })
  @Min(1)
  @Max(MAX_BIKE_PARKING_RADIUS_METERS)
  radiusMeters: number | null;
}
