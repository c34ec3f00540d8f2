import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MetricValues } from '../state/live-state';

export enum TimeBucket {
  FIVE_MINUTES = 'FIVE_MINUTES',
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(TimeBucket, { name: 'TimeBucket', description: 'DAY is the Asia/Shanghai calendar day' });

@ObjectType({ description: 'One declared live metric, of a hub or an area, now' })
export class LiveMetric {
  @Field({ description: 'Unique in the hub: footfall, meals, activities, bikeSpacesFree, …' })
  name: string;

  @Field({ description: 'The department that declares it' })
  department: string;

  @Field({ description: 'What a screen prints, e.g. 今日客流' })
  title: string;

  @Field(() => String, { nullable: true, description: '人次, 场, 个, …' })
  unit: string | null;

  @Field({ description: 'dailyCounter (summed over the local day), recount (counted for the day), gauge (latest value) or derived' })
  kind: string;

  @Field(() => Float, { nullable: true, description: 'null for a gauge no point of which serves the hub or area' })
  value: number | null;

  @Field({ description: 'Its department is down: the value is the last known' })
  stale: boolean;
}

/** What the live types carry for the fields departments add by name (footfallToday, …). */
interface WithValues {
  /** Every metric's value, by name: not a field itself. */
  values: MetricValues;
}

@ObjectType({ description: "A hub's metrics for the current Asia/Shanghai day" })
export class HubLiveMetrics implements WithValues {
  @Field(() => ID)
  hubId: string;

  @Field(() => [LiveMetric], { description: 'Every metric the departments declare' })
  metrics: LiveMetric[];

  @Field(() => [String], { description: 'Departments that are down: their metrics are stale (the last known values)' })
  staleDepartments: string[];

  @Field()
  updatedAt: Date;

  values: MetricValues;
}

@ObjectType()
export class StreetMetrics implements WithValues {
  @Field({ description: 'The street or town (街道/镇)' })
  street: string;

  @Field(() => Int)
  hubs: number;

  @Field(() => [LiveMetric], { description: 'Every metric the departments declare, totalled as each declares' })
  metrics: LiveMetric[];

  values: MetricValues;
}

@ObjectType({ description: "A district's hubs together, today, with a line per street" })
export class DistrictOverview implements WithValues {
  @Field({ description: 'The district; 全部 when every district was asked for' })
  district: string;

  @Field(() => Int)
  hubs: number;

  @Field(() => [LiveMetric], { description: 'Every metric the departments declare, totalled as each declares: counters sum their hubs, a gauge counts each of its points once' })
  metrics: LiveMetric[];

  @Field(() => [StreetMetrics])
  byStreet: StreetMetrics[];

  @Field(() => [String], { description: 'Departments that are down: their metrics are stale (the last known values)' })
  staleDepartments: string[];

  @Field()
  updatedAt: Date;

  values: MetricValues;
}

@ObjectType({ description: 'One bucket of a metric’s series' })
export class MetricPoint {
  @Field({ description: 'Where the bucket starts' })
  at: Date;

  @Field(() => Float, { nullable: true, description: 'A counter’s sum over the bucket; a gauge’s last value in it (null before its first)' })
  value: number | null;
}

export enum DepartmentState {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(DepartmentState, { name: 'DepartmentState', description: "Whether the department's database (a remote department: its GraphQL service) answers" });

@ObjectType()
export class FeedStatus {
  @Field({ description: 'e.g. iot.footfall_reading' })
  name: string;

  @Field(() => Float, { nullable: true, description: 'Seconds since the feed was last caught up; null before it first ran' })
  lagSeconds: number | null;

  @Field(() => String, { nullable: true, description: 'Why its passes keep failing (it cannot read its rows or save its cursor): SCREEN and ADMIN keys only; null for others and while it runs' })
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

  @Field(() => Date, { nullable: true, description: 'When it went down; null while up' })
  downSince: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it is down, in words (can name hosts): SCREEN and ADMIN keys only, null for others and while up' })
  lastError: string | null;

  @Field(() => Float, { nullable: true, description: 'The largest lag of its feeds, seconds; null when it has none' })
  feedLagSeconds: number | null;

  @Field(() => [FeedStatus])
  feeds: FeedStatus[];
}
