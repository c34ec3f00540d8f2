import { SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { ApiRole } from '../../src/core/auth/api-role';
import { addDays, localDateOf } from '../../src/core/time/local-time';
import { HEALTH } from '../../src/departments/health';
import { CanteenMenuItem } from '../../src/departments/health/dishes/canteen-menu-item.entity';
import { Dish } from '../../src/departments/health/dishes/dish.entity';
import { CanteenMealDish } from '../../src/departments/health/meals/canteen-meal-dish.entity';
import { CanteenMeal } from '../../src/departments/health/meals/canteen-meal.entity';
import type { HealthFlag } from '../../src/departments/health/residents/health-flag';
import { ResidentHealthFlag } from '../../src/departments/health/residents/resident-health-flag.entity';
import type { TestHub } from '../helpers/test-hub';

/** Settings the health suites start their hubs with: an admin secret and resident tokens. */
export const ADMIN_SECRET = 'health-suite-admin-secret';
export const RESIDENT_JWT_SECRET = 'health-suite-resident-token-secret-32+';
export const HEALTH_ENV = { HUB_ADMIN_SECRET: ADMIN_SECRET, RESIDENT_JWT_SECRET };

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function healthSourceOf(hub: TestHub): DataSource {
  return hub.hub.services.sources.get(HEALTH);
}

/** The local day `days` from today (Asia/Shanghai). */
export const localDay = (days = 0): string => localDateOf(addDays(new Date(), days));

/** An API key of the given role; a terminal key stands in `hubId`. */
export async function issueKey(hub: TestHub, role: ApiRole, options: { hubId?: number; department?: string; name?: string } = {}) {
  return hub.hub.services.clients.issue({ name: options.name ?? `${role} of the health suite`, role, hubId: options.hubId, department: options.department });
}

export async function residentToken(residentRef: string): Promise<string> {
  return new SignJWT({ sub: residentRef })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(RESIDENT_JWT_SECRET));
}

/** A test resident's pseudonymous reference (not a demo resident's). */
export const testRef = (scenario: string, n: number): string => `t${scenario}${String(n).padStart(6, '0')}`.padEnd(16, 'x');

export async function flagResident(source: DataSource, residentRef: string, flags: HealthFlag[]): Promise<void> {
  for (const flag of flags) await source.getRepository(ResidentHealthFlag).insert({ residentRef, flag, recordedAt: new Date() });
}

/** Appends a meal as a till does: the meal row, then its dishes. */
export async function writeMeal(source: DataSource, meal: { hubId: number; residentRef: string; servedAt: Date; dishes: string[] }): Promise<void> {
  const ids = await dishIds(source, meal.dishes);
  await source.transaction(async (manager) => {
    const { identifiers } = await manager.getRepository(CanteenMeal).insert({ hubId: meal.hubId, residentRef: meal.residentRef, servedAt: meal.servedAt });
    const mealId = Number(identifiers[0].id);
    await manager.getRepository(CanteenMealDish).insert(ids.map((dishId) => ({ mealId, dishId })));
  });
}

/** Replaces a hub canteen's menu of a day. */
export async function setMenu(source: DataSource, hubId: number, servedOn: string, dishes: string[]): Promise<void> {
  const ids = await dishIds(source, dishes);
  await source.getRepository(CanteenMenuItem).delete({ hubId, servedOn });
  await source.getRepository(CanteenMenuItem).insert(ids.map((dishId) => ({ hubId, servedOn, dishId })));
}

async function dishIds(source: DataSource, names: string[]): Promise<number[]> {
  const rows = await source.getRepository(Dish).find();
  return names.map((name) => {
    const dish = rows.find((d) => d.name === name);
    if (!dish) throw new Error(`no dish ${name} in the catalogue`);
    return dish.id;
  });
}

/** Hubs whose canteen the health department knows (it has a menu for them), and the others. */
export async function hubsByCanteen(hub: TestHub): Promise<{ withCanteen: number[]; without: number[] }> {
  const source = healthSourceOf(hub);
  const rows: { hub_id: number }[] = await source.query('SELECT DISTINCT hub_id FROM canteen_menu_item');
  const withCanteen = rows.map((r) => Number(r.hub_id)).sort((a, b) => a - b);
  const all = (await hub.query(`{ hubs(first: 100) { edges { node { id } } } }`)).data.hubs.edges.map((e: any) => Number(e.node.id));
  return { withCanteen, without: all.filter((id: number) => !withCanteen.includes(id)) };
}

