import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../core/graphql/scalars';
import { NUTRITION_THRESHOLDS } from '../nutrition/nutrition-thresholds';
import { HealthFlag } from '../residents/health-flag';

@ObjectType({ description: 'How many of the day’s diners had a health flag; null when the count is suppressed' })
export class HealthFlagCount {
  @Field(() => HealthFlag)
  flag: HealthFlag;

  @Field(() => Int, { nullable: true, description: 'Distinct diners with this flag; null when suppressed' })
  diners: number | null;

  @Field({ description: 'True when the count is withheld because it, or its complement among the day’s diners, is small' })
  suppressed: boolean;
}

@ObjectType({
  description:
    'A day at a hub’s canteen, in aggregates only (for screens). Counts under HEALTH_SUPPRESS_BELOW (5), and counts whose complement is, are null',
})
export class CanteenHealthSummary {
  @Field(() => ID)
  hubId: number;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => Int, { description: 'Meals served that day (the same figure as the public mealsToday)' })
  mealsServed: number;

  @Field(() => Int, { description: 'HEALTH_SUPPRESS_BELOW: a count under this (or whose complement is under it) is withheld; a screen writes a withheld count as "<" and this' })
  suppressBelow: number;

  @Field(() => [HealthFlagCount], { description: 'One entry per HealthFlag, always all of them, in a fixed order' })
  flags: HealthFlagCount[];

  @Field(() => Float, {
    nullable: true,
    description: `Among the meals of diners flagged HYPERTENSION, the share whose dishes were all low-salt (≤ ${NUTRITION_THRESHOLDS.lowSaltMaxSodiumMg} mg sodium a serving), 0–1 to two decimals; null when suppressed`,
  })
  lowSaltShare: number | null;
}
