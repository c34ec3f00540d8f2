/** The categories of the canteens' dishes, in the order a serving window lists them. */
export const DISH_CATEGORIES = ['主食', '荤菜', '素菜', '汤'] as const;
export const STAPLE = '主食';

/** Position of a category in the serving order; unknown categories last. */
export function categoryRank(category: string): number {
  const rank = (DISH_CATEGORIES as readonly string[]).indexOf(category);
  return rank === -1 ? DISH_CATEGORIES.length : rank;
}
