import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CrowdLevel } from '../state/crowd-level';

export enum TimeBucket {
  FIVE_MINUTES = 'FIVE_MINUTES',
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(TimeBucket, { name: 'TimeBucket', description: 'DAY is the Asia/Shanghai calendar day' });

@ObjectType({ description: "A hub's counters for the current Asia/Shanghai day" })
export class HubLiveMetrics {
  @Field(() => ID)
  hubId: string;

  @Field(() => Int, { description: 'People inside now: entered − exited since local midnight, never below zero' })
  occupancy: number;

  @Field(() => CrowdLevel)
  crowdLevel: CrowdLevel;

  @Field(() => Int, { description: 'People who came in today' })
  footfallToday: number;

  @Field(() => Int, { description: 'Activities starting today, not cancelled' })
  activitiesToday: number;

  @Field(() => Int, { description: 'Meals served at its canteen today (0 without a canteen or a health department)' })
  mealsToday: number;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class StreetMetrics {
  @Field({ description: 'The street or town (街道/镇)' })
  street: string;

  @Field(() => Int)
  hubs: number;

  @Field(() => Int)
  occupancy: number;

  @Field(() => Int)
  footfallToday: number;

  @Field(() => Int)
  activitiesToday: number;

  @Field(() => Int)
  mealsToday: number;
}

@ObjectType({ description: "A district's hubs together, today, with a line per street" })
export class DistrictOverview {
  @Field({ description: 'The district; 全部 when every district was asked for' })
  district: string;

  @Field(() => Int)
  hubs: number;

  @Field(() => Int)
  occupancy: number;

  @Field(() => Int)
  footfallToday: number;

  @Field(() => Int)
  activitiesToday: number;

  @Field(() => Int)
  mealsToday: number;

  @Field(() => [StreetMetrics])
  byStreet: StreetMetrics[];

  @Field()
  updatedAt: Date;
}

@ObjectType({ description: 'One bucket of a hub’s footfall series' })
export class FootfallPoint {
  @Field({ description: 'Where the bucket starts' })
  at: Date;

  @Field(() => Int)
  entered: number;

  @Field(() => Int)
  exited: number;

  @Field(() => Int)
  meals: number;
}

export enum DepartmentState {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(DepartmentState, { name: 'DepartmentState', description: "Whether the department's database answers" });

@ObjectType()
export class FeedStatus {
  @Field({ description: 'e.g. iot.footfall_reading' })
  name: string;

  @Field(() => Float, { nullable: true, description: 'Seconds since the feed was last caught up; null before it first ran' })
  lagSeconds: number | null;

  @Field(() => String, { nullable: true, description: 'Why its passes keep failing (it cannot read its rows or save its cursor); null while it runs' })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When its passes started failing; null while it runs' })
  failingSince: Date | null;
}

@ObjectType({ description: 'A department whose data the hub joins, and how fresh its live data is' })
export class DepartmentStatus {
  @Field()
  name: string;

  @Field()
  title: string;

  @Field(() => DepartmentState)
  status: DepartmentState;

  @Field(() => Float, { nullable: true, description: 'The largest lag of its feeds, seconds; null when it has none' })
  feedLagSeconds: number | null;

  @Field(() => [FeedStatus])
  feeds: FeedStatus[];
}
