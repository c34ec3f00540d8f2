import { DEMO_RESIDENTS, demoResidentRef } from '../../core/seeding/demo-residents';
import type { SimulationContext } from '../../core/departments/simulation';
import { localDateOf, startOfLocalDay } from '../../core/time/local-time';
import { CanteenMenuItem } from './dishes/canteen-menu-item.entity';
import { CanteenMealDish } from './meals/canteen-meal-dish.entity';
import { CanteenMeal } from './meals/canteen-meal.entity';
import { serialTransaction } from '../../core/data-sources/serial-transaction';

/** Meal services in local time: [opens (minutes after midnight), minutes long, share of capacity served]. */
const SERVICES: [number, number, number][] = [
  [11 * 60, 105, 0.3],
  [17 * 60, 75, 0.15],
];
const DISHES_PER_MEAL = 3;

/** Diners arrive in a peak: few at opening, most in the middle of the service, few at the end. */
function servicePeak(minute: number): number {
  for (const [opens, length, share] of SERVICES) {
    const t = (minute - opens) / length;
    // A triangle with area 1 over the service: 2 at its middle.
    if (t >= 0 && t < 1) return (share * 2 * (1 - Math.abs(2 * t - 1))) / length;
  }
  return 0;
}

/**
 * The canteen tills of the demo district: each meal a diner confirms is appended to
 * `canteen_meal` with its dishes, from the canteen's latest menu, around the lunch and dinner peaks.
 */
export async function simulateCanteenTills({ source, now, elapsedMs, hubs, random }: SimulationContext): Promise<number> {
  const minute = (now.getTime() - startOfLocalDay(now).getTime()) / 60_000;
  const perMinute = servicePeak(minute);
  if (perMinute === 0) return 0;
  const today = localDateOf(now);
  const menu = await source
    .getRepository(CanteenMenuItem)
    .createQueryBuilder('m')
    .where('m.servedOn <= :today', { today })
    .orderBy('m.servedOn', 'DESC')
    .getMany();
  const dishesOf = new Map<number, number[]>();
  const menuDay = new Map<number, string>();
  for (const item of menu) {
    if (menuDay.has(item.hubId) && menuDay.get(item.hubId) !== item.servedOn) continue;
    menuDay.set(item.hubId, item.servedOn);
    dishesOf.set(item.hubId, [...(dishesOf.get(item.hubId) ?? []), item.dishId]);
  }
  let written = 0;
  for (const hub of hubs) {
    const dishes = dishesOf.get(hub.id);
    if (!dishes || dishes.length === 0) continue;
    const expected = (hub.capacity ?? 100) * perMinute * (elapsedMs / 60_000) * (0.7 + random() * 0.6);
    const meals = Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
    for (let i = 0; i < meals; i++) {
      const servedAt = new Date(now.getTime() - Math.floor(random() * elapsedMs));
      const residentRef = demoResidentRef(1 + Math.floor(random() * DEMO_RESIDENTS));
      await serialTransaction(source, async (manager) => {
        const meal = await manager.getRepository(CanteenMeal).save({ hubId: hub.id, residentRef, servedAt });
        const plate = new Set<number>();
        while (plate.size < Math.min(DISHES_PER_MEAL, dishes.length)) plate.add(dishes[Math.floor(random() * dishes.length)]);
        await manager.getRepository(CanteenMealDish).insert([...plate].map((dishId) => ({ mealId: meal.id, dishId })));
      });
      written++;
    }
  }
  return written;
}
