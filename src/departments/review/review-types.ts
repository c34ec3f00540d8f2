import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Facility, Hub } from '../civil';
import { ColdBasis } from './cold-basis';

@ObjectType({ description: 'A hub’s place in a ranking (1 = most); equal values share a rank' })
export class HubRank {
  @Field(() => Int, { description: 'Its rank within what was asked: the street when `street` is given, else every hub' })
  rank: number;

  @Field(() => Hub)
  hub: Hub;

  @Field(() => Int, { description: 'exactValue rounded' })
  value: number;

  @Field(() => Float, { description: 'The total over the period (a gauge: its mean)' })
  exactValue: number;

  @Field(() => Float, { description: 'The same over the previous period: of equal length just before, or as many calendar months before' })
  previousValue: number;

  @Field(() => Float, { description: 'exactValue − previousValue' })
  change: number;

  @Field(() => Float, { nullable: true, description: 'change ÷ previousValue; null when the previous value is 0' })
  changeShare: number | null;

  @Field(() => Int, { description: 'Its rank among the hubs of its district' })
  districtRank: number;

  @Field(() => Int, { description: 'Its rank among the hubs of its street' })
  streetRank: number;
}

@ObjectType({ description: 'How much a facility of a hub was used over a period: its own footfall where a sensor stands at its door, and its activities’ fill rate' })
export class FacilityUse {
  @Field(() => Facility)
  facility: Facility;

  @Field(() => Int, { nullable: true, description: 'People in through its own door; null when no sensor stands there' })
  footfall: number | null;

  @Field(() => Int)
  activitiesHeld: number;

  @Field(() => Int)
  placesOffered: number;

  @Field(() => Int)
  booked: number;

  @Field(() => Float, { nullable: true, description: 'booked ÷ placesOffered; null when it offered none' })
  fillRate: number | null;
}

@ObjectType({ description: 'A hub much less visited than others of its district for its size over a period (热度太低)' })
export class ColdHub {
  @Field(() => Hub)
  hub: Hub;

  @Field(() => Int, { description: 'People who came in over the period' })
  footfall: number;

  @Field(() => Float, { description: 'Footfall per place of capacity (0 when the hub has no capacity)' })
  footfallPerCapacity: number;

  @Field(() => Float, { description: 'Footfall per unit of `basis` as a share of the district’s median hub’s (below the threshold)' })
  shareOfMedian: number;

  @Field(() => ColdBasis)
  basis: ColdBasis;

  @Field(() => Float, { description: 'Footfall per unit of `basis`' })
  footfallPerUnit: number;

  @Field(() => Float, { description: 'The district’s median footfall per unit of `basis`' })
  districtMedian: number;

  @Field({ description: 'The rule that named it cold, as the bureau reads it' })
  rule: string;

  @Field(() => [FacilityUse], { description: 'Its facilities, least used first (fill rate, then own footfall)' })
  facilities: FacilityUse[];
}

@ObjectType({ description: 'Activities of one group (a category, an organization, a street, a hub, a facility) over a period' })
export class ActivityStat {
  @Field({ description: 'The group’s id or name; "" for activities that name no organization or facility' })
  key: string;

  @Field({ description: 'What the bureau calls it' })
  name: string;

  @Field(() => Int, { description: 'Not cancelled, starting in the period before now' })
  held: number;

  @Field(() => Int, { description: 'Cancelled, starting in the period' })
  cancelled: number;

  @Field(() => Int, { description: 'Places of the activities held' })
  placesOffered: number;

  @Field(() => Int, { description: 'Places booked at the activities held' })
  booked: number;

  @Field(() => Float, { nullable: true, description: 'booked ÷ placesOffered; null when none were offered' })
  fillRate: number | null;
}
