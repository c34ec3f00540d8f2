import { Field, Float, Int, ObjectType } from 'type-graphql';
import { NUTRITION_THRESHOLDS as T } from './nutrition-thresholds';

@ObjectType({ description: 'A dish’s nutrition label (营养标签), per serving; low* follow the district’s thresholds' })
export class NutritionLabel {
  @Field(() => Int)
  sodiumMg: number;

  @Field(() => Float)
  sugarG: number;

  @Field(() => Float)
  fatG: number;

  @Field(() => Int)
  kcal: number;

  @Field({ description: `Sodium at most ${T.lowSaltMaxSodiumMg} mg a serving` })
  lowSalt: boolean;

  @Field({ description: `Sugar at most ${T.lowSugarMaxSugarG} g a serving` })
  lowSugar: boolean;

  @Field({ description: `Fat at most ${T.lowFatMaxFatG} g a serving` })
  lowFat: boolean;
}
