import { Field, Float, ObjectType } from 'type-graphql';
import { Hub } from '../hubs/hub.entity';

@ObjectType({ description: 'A hub found near a point, with how far it is' })
export class NearbyHub {
  @Field(() => Hub)
  hub: Hub;

  @Field(() => Float, { description: 'Great-circle distance from the point asked about, in metres (to 0.1 m)' })
  distanceMeters: number;
}
