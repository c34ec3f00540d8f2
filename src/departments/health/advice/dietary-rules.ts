import { STAPLE } from '../dishes/dish-category';
import { isLowFat, isLowSalt, isLowSugar, NUTRITION_THRESHOLDS, type NutritionFacts } from '../nutrition/nutrition-thresholds';
import { HealthFlag } from '../residents/health-flag';

export interface DietaryRule {
  /** The line the till's screen shows the diner. */
  advice: string;
  /** Whether a dish suits a diner with this flag. */
  suits(dish: NutritionFacts & { category: string }): boolean;
}

/** What each flag means at the serving window: the tip, and which dishes to recommend. */
export const DIETARY_RULES: Record<HealthFlag, DietaryRule> = {
  [HealthFlag.HYPERTENSION]: {
    advice: '您有高血压病史，饮食应注重低盐、低油',
    suits: (dish) => isLowSalt(dish) && isLowFat(dish),
  },
  [HealthFlag.DIABETES]: {
    advice: '您有糖尿病病史，饮食应注重低糖、控制主食',
    suits: (dish) => isLowSugar(dish) && (dish.category !== STAPLE || dish.kcal <= NUTRITION_THRESHOLDS.modestStapleMaxKcal),
  },
  [HealthFlag.HYPERLIPIDEMIA]: {
    advice: '您有高血脂病史，饮食应注重低脂',
    suits: (dish) => isLowFat(dish),
  },
};

/**
 * The tip for a diner without flags, and for a reference the health records do not know: the
 * two look alike, so the till cannot tell whether someone is in the records at all.
 */
export const GENERAL_ADVICE = '饮食宜清淡均衡，荤素搭配';
