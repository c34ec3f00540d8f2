import { Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, Int } from 'type-graphql';
import { GeoInput } from '../../../core/geo/geo-input';
import { FacilityType } from '../facilities/facility-type';

/** The widest search the hub answers: a district, not a city. */
export const MAX_RADIUS_METERS = 50_000;
export const MAX_NEARBY_HUBS = 100;
export const DEFAULT_RADIUS_METERS = 3000;
export const DEFAULT_NEARBY_HUBS = 10;

@ArgsType()
export class NearbyHubsArgs {
  @Field(() => GeoInput, { description: 'Where the resident is; WeChat’s wx.getLocation gives GCJ02' })
  @ValidateNested()
  near: GeoInput;

  @Field(() => Float, { nullable: true, defaultValue: DEFAULT_RADIUS_METERS, description: `Search radius in metres, at most ${MAX_RADIUS_METERS}` })
  @Min(1)
  @Max(MAX_RADIUS_METERS)
  radiusMeters: number | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_NEARBY_HUBS, description: `How many hubs, at most ${MAX_NEARBY_HUBS}` })
  @Min(0)
  @Max(MAX_NEARBY_HUBS)
  first: number | null;

  @Field(() => FacilityType, { nullable: true, description: 'Only hubs that have a facility of this type' })
  facility?: FacilityType;
}
