import { Field, ObjectType } from 'type-graphql';
import { Dish } from '../dishes/dish.entity';
import { HealthFlag } from '../residents/health-flag';

@ObjectType({ description: 'The tip the canteen terminal shows the diner who just scanned in' })
export class DietaryAdvice {
  @Field(() => [HealthFlag], { description: 'The diner’s flags; empty for no flags and for a reference the records do not hold' })
  flags: HealthFlag[];

  @Field(() => [String], { description: 'Lines of advice in Chinese, one per flag (a general line when there is none)' })
  advice: string[];

  @Field(() => [Dish], { description: 'Today’s dishes at this terminal’s canteen that suit every one of the flags' })
  recommendedDishes: Dish[];
}
