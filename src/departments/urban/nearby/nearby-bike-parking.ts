import { Field, Float, ObjectType } from 'type-graphql';
import { BikeParkingPoint } from '../parking/bike-parking-point.entity';

@ObjectType({ description: 'A bike-parking point found near a place, with how far it is' })
export class NearbyBikeParking {
  @Field(() => BikeParkingPoint)
  point: BikeParkingPoint;

  @Field(() => Float, { description: 'Great-circle distance from the place asked about, in metres (to 0.1 m)' })
  distanceMeters: number;
}
