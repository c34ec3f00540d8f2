import { DEMO_RESIDENTS, demoResidentRef } from '../../core/seeding/demo-residents';
import { insertInBatches } from '../../core/seeding/insert-in-batches';
import { intBetween, pick } from '../../core/seeding/seeded-random';
import type { SeedContext } from '../../core/seeding/seed-context';
import { addDays, atLocalTime, localDateOf } from '../../core/time/local-time';
import { CanteenMenuItem } from './dishes/canteen-menu-item.entity';
import { DISH_CATALOGUE } from './dishes/dish-catalogue';
import { Dish } from './dishes/dish.entity';
import { CanteenMealDish } from './meals/canteen-meal-dish.entity';
import { CanteenMeal } from './meals/canteen-meal.entity';
import { HealthFlag } from './residents/health-flag';
import { ResidentHealthFlag } from './residents/resident-health-flag.entity';

/** Share of the (mostly elderly) diners with each flag. */
const FLAG_RATES: [HealthFlag, number][] = [
  [HealthFlag.HYPERTENSION, 0.5],
  [HealthFlag.DIABETES, 0.22],
  [HealthFlag.HYPERLIPIDEMIA, 0.3],
];
/** Meal windows in local time: [start hour, minutes long, share of capacity served]. */
const SERVICES: [number, number, number][] = [
  [11, 105, 0.3],
  [17, 75, 0.15],
];

/** Residents' flags, dishes, the canteens' menus (yesterday to tomorrow) and the meals of yesterday and of today until now. */
export async function seedHealth({ source, district, now, random, progress }: SeedContext): Promise<void> {
  if ((await source.getRepository(Dish).count()) > 0) return;
  const flags: ResidentHealthFlag[] = [];
  for (let n = 1; n <= DEMO_RESIDENTS; n++) {
    for (const [flag, rate] of FLAG_RATES) {
      if (random() < rate) flags.push({ residentRef: demoResidentRef(n), flag, recordedAt: addDays(now, -intBetween(random, 30, 700)) });
    }
  }
  await insertInBatches(source, ResidentHealthFlag, flags);
  await insertInBatches(source, Dish, DISH_CATALOGUE.map((d, i) => ({ id: i + 1, ...d })));

  const canteens = district.hubs.filter((h) => h.facilities.some((f) => f.type === 'CANTEEN'));
  const byCategory = (category: string) => DISH_CATALOGUE.flatMap((d, i) => (d.category === category ? [i + 1] : []));
  const menus = new Map<string, number[]>();
  const menuRows: CanteenMenuItem[] = [];
  for (const hub of canteens) {
    for (const day of [-1, 0, 1]) {
      const servedOn = localDateOf(addDays(now, day));
      const dishIds = new Set<number>();
      for (const [category, count] of [['主食', 3], ['荤菜', 4], ['素菜', 3], ['汤', 1]] as const) {
        const choices = byCategory(category);
        while ([...dishIds].filter((id) => choices.includes(id)).length < count) dishIds.add(pick(random, choices));
      }
      menus.set(`${hub.id}/${servedOn}`, [...dishIds]);
      for (const dishId of dishIds) menuRows.push({ hubId: hub.id, servedOn, dishId });
    }
  }
  await insertInBatches(source, CanteenMenuItem, menuRows);

  const meals: Omit<CanteenMeal, 'id'>[] = [];
  const mealDishes: number[][] = [];
  for (const hub of canteens) {
    for (const day of [-1, 0]) {
      const menu = menus.get(`${hub.id}/${localDateOf(addDays(now, day))}`)!;
      for (const [hour, minutes, share] of SERVICES) {
        const opens = atLocalTime(addDays(now, day), hour);
        const diners = Math.round(hub.capacity * share * (0.7 + random() * 0.6));
        for (let i = 0; i < diners; i++) {
          const servedAt = new Date(opens.getTime() + Math.floor(random() * minutes * 60_000));
          if (servedAt > now) continue;
          meals.push({ hubId: hub.id, residentRef: demoResidentRef(intBetween(random, 1, DEMO_RESIDENTS)), servedAt });
          mealDishes.push(mealPlate(menu, random));
        }
      }
    }
  }
  // Meals are appended in the order the tills served them, as the meal feed expects.
  const order = meals.map((_, i) => i).sort((a, b) => meals[a].servedAt.getTime() - meals[b].servedAt.getTime());
  await insertInBatches(source, CanteenMeal, order.map((i, n) => ({ id: n + 1, ...meals[i] })), (done) =>
    progress('canteen meals', done, meals.length),
  );
  await insertInBatches(source, CanteenMealDish, order.flatMap((i, n) => mealDishes[i].map((dishId) => ({ mealId: n + 1, dishId }))));
}

/** A staple, a main dish and sometimes a vegetable or a soup, from the day's menu. */
function mealPlate(menu: number[], random: () => number): number[] {
  const of = (category: string) => menu.filter((id) => DISH_CATALOGUE[id - 1].category === category);
  const plate = new Set([pick(random, of('主食')), pick(random, of('荤菜'))]);
  if (random() < 0.7) plate.add(pick(random, of('素菜')));
  if (random() < 0.4) plate.add(pick(random, of('汤')));
  return [...plate];
}
