import { Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { CoordSystem } from './coord-system';

@InputType({ description: 'A point given by a client; WeChat gives GCJ02' })
export class GeoInput {
  @Field(() => Float)
  @Min(-90)
  @Max(90)
  lat: number;

  @Field(() => Float)
  @Min(-180)
  @Max(180)
  lng: number;

  @Field(() => CoordSystem, { defaultValue: CoordSystem.WGS84 })
  coordSystem: CoordSystem;
}
