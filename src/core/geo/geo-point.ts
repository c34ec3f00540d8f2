import { Field, Float, ObjectType } from 'type-graphql';
import { CoordSystem } from './coord-system';

@ObjectType({ description: 'A point, with the coordinate system it is written in' })
export class GeoPoint {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => CoordSystem)
  coordSystem: CoordSystem;
}
