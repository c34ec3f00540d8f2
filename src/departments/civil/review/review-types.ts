import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Hub } from '../hubs/hub.entity';

@ObjectType({ description: 'A hub’s place in a ranking (1 = most); equal values share a rank' })
export class HubRank {
  @Field(() => Int)
  rank: number;

  @Field(() => Hub)
  hub: Hub;

  @Field(() => Int, { description: 'The total over the period of what the ranking is by' })
  value: number;
}

@ObjectType({ description: 'A hub much less visited than others of its size over a period (热度太低)' })
export class ColdHub {
  @Field(() => Hub)
  hub: Hub;

  @Field(() => Int, { description: 'People who came in over the period' })
  footfall: number;

  @Field(() => Float, { description: 'Footfall per place of capacity' })
  footfallPerCapacity: number;

  @Field(() => Float, { description: 'footfallPerCapacity as a share of the median hub’s (below the threshold)' })
  shareOfMedian: number;
}
