import { Field, Int, ObjectType } from 'type-graphql';
import type { MetricValues } from '../../../live/state/live-state';

@ObjectType({ description: 'One bucket of a hub’s (or a district’s) footfall series' })
export class FootfallPoint {
  @Field({ description: 'Where the bucket starts' })
  at: Date;

  @Field(() => Int)
  entered: number;

  @Field(() => Int)
  exited: number;

  /** Every daily counter's sum over the bucket, for fields other departments add (meals). */
  values: MetricValues;
}
