import { FieldResolver, Resolver, Root } from 'type-graphql';
import { isLowFat, isLowSalt, isLowSugar } from '../nutrition/nutrition-thresholds';
import { NutritionLabel } from '../nutrition/nutrition-label';
import { Dish } from './dish.entity';

@Resolver(() => Dish)
export class DishResolver {
  @FieldResolver(() => NutritionLabel, { description: 'The nutrition label, per serving' })
  nutrition(@Root() dish: Dish): NutritionLabel {
    const { sodiumMg, sugarG, fatG, kcal } = dish;
    return { sodiumMg, sugarG, fatG, kcal, lowSalt: isLowSalt(dish), lowSugar: isLowSugar(dish), lowFat: isLowFat(dish) };
  }
}
