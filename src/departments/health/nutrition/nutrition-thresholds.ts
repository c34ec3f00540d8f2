/**
 * The one place that says when a dish is low-salt, low-sugar or low-fat. Values are per
 * serving, as the canteens' nutrition labels (营养标签) give them; GB 28050's "低钠/低糖/低脂"
 * claims are per 100 g and do not apply to a plated serving, so these are the district's own.
 * Change a value here and the advice at the till and the screens' lowSaltShare follow.
 */
export const NUTRITION_THRESHOLDS = {
  /** Low-salt: at most this much sodium (mg) a serving. */
  lowSaltMaxSodiumMg: 600,
  /** Low-sugar: at most this much sugar (g) a serving. */
  lowSugarMaxSugarG: 5,
  /** Low-fat (also "low-oil" in the advice): at most this much fat (g) a serving. */
  lowFatMaxFatG: 10,
  /** 控制主食 for diabetes: a staple (主食) of at most this much energy (kcal) a serving. */
  modestStapleMaxKcal: 250,
} as const;

/** The label values the thresholds read. */
export interface NutritionFacts {
  sodiumMg: number;
  sugarG: number;
  fatG: number;
  kcal: number;
}

export const isLowSalt = (dish: NutritionFacts): boolean => dish.sodiumMg <= NUTRITION_THRESHOLDS.lowSaltMaxSodiumMg;
export const isLowSugar = (dish: NutritionFacts): boolean => dish.sugarG <= NUTRITION_THRESHOLDS.lowSugarMaxSugarG;
export const isLowFat = (dish: NutritionFacts): boolean => dish.fatG <= NUTRITION_THRESHOLDS.lowFatMaxFatG;
