import { healthMigrations } from '../../../migrations/health';
import type { DepartmentModule } from '../../core/departments/department-module';
import { DietaryAdviceResolver } from './advice/dietary-advice.resolver';
import { CanteenMenuItem } from './dishes/canteen-menu-item.entity';
import { Dish } from './dishes/dish.entity';
import { DishResolver } from './dishes/dish.resolver';
import { HEALTH } from './health-source';
import { HEALTH_SETTINGS } from './health-settings';
import { CanteenMealDish } from './meals/canteen-meal-dish.entity';
import { CanteenMeal } from './meals/canteen-meal.entity';
import { ResidentHealthFlag } from './residents/resident-health-flag.entity';
import { mealFeed } from './feeds/meal-feed';
import { seedHealth } from './seed';
import { HubCanteenResolver } from './summary/hub-canteen.resolver';
import { simulateCanteenTills } from './simulator';
import { FootfallPointMealsResolver, healthLiveFields } from './live/health-live-fields';
import { healthMetrics } from './live/health-metrics';

export { HEALTH } from './health-source';

/** 卫健局 Health: residents' health flags (pseudonymous), dishes, canteen meals. */
export const healthDepartment: DepartmentModule = {
  name: HEALTH,
  title: '卫健局',
  entities: [ResidentHealthFlag, Dish, CanteenMenuItem, CanteenMeal, CanteenMealDish],
  migrations: healthMigrations,
  resolvers: [HubCanteenResolver, DietaryAdviceResolver, DishResolver, FootfallPointMealsResolver, ...healthLiveFields],
  settings: HEALTH_SETTINGS,
  metrics: healthMetrics,
  feeds: [mealFeed],
  seed: seedHealth,
  simulate: simulateCanteenTills,
};
