import { Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, Int } from 'type-graphql';
import { GeoInput } from '../../../core/geo/geo-input';
import { MAX_PAGE_SIZE } from '../../../core/pagination/page-size';
import { DEFAULT_BIKE_PARKING_RADIUS_METERS, MAX_BIKE_PARKING_RADIUS_METERS } from './bike-parking-radius';

export const DEFAULT_NEARBY_BIKE_PARKING = 10;

@ArgsType()
export class BikeParkingNearArgs {
  @Field(() => GeoInput, { description: 'Where the resident is; WeChat’s wx.getLocation gives GCJ02' })
  @ValidateNested()
  near: GeoInput;

  @Field(() => Float, { nullable: true, defaultValue: DEFAULT_BIKE_PARKING_RADIUS_METERS, description: `Search radius in metres, at most ${MAX_BIKE_PARKING_RADIUS_METERS}` })
  @Min(1)
  @Max(MAX_BIKE_PARKING_RADIUS_METERS)
  radiusMeters: number | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_NEARBY_BIKE_PARKING, description: `How many points, at most ${MAX_PAGE_SIZE}` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number | null;
}
