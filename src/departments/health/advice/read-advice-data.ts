import type { DataSource } from 'typeorm';
import { CanteenMenuItem } from '../dishes/canteen-menu-item.entity';
import { categoryRank } from '../dishes/dish-category';
import { Dish } from '../dishes/dish.entity';
import { HealthFlag } from '../residents/health-flag';
import { ResidentHealthFlag } from '../residents/resident-health-flag.entity';

/** The resident's flags this code knows, in the enum's order; none for an unknown reference. */
export async function readFlags(source: DataSource, residentRef: string): Promise<HealthFlag[]> {
  const rows = await source.getRepository(ResidentHealthFlag).find({ select: { flag: true }, where: { residentRef } });
  const held = new Set<string>(rows.map((r) => r.flag));
  return Object.values(HealthFlag).filter((flag) => held.has(flag));
}

/** A hub canteen's menu of a local day, in serving order (staples, meat, vegetables, soup). */
export async function readMenu(source: DataSource, hubId: number, date: string): Promise<Dish[]> {
  const dishes = await source
    .getRepository(Dish)
    .createQueryBuilder('dish')
    .innerJoin(CanteenMenuItem, 'menu', 'menu.dishId = dish.id')
    .where('menu.hubId = :hubId AND menu.servedOn = :date', { hubId, date })
    .getMany();
  return dishes.sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.id - b.id);
}
