import type { DataSource } from 'typeorm';
import { idRangesCondition } from '../../../core/data-sources/id-ranges';
import type { AppendFeed, AppendedRow } from '../../../core/departments/change-feed';
import { CanteenMeal } from '../meals/canteen-meal.entity';
import { MEALS } from '../live/health-metrics';

export const MEAL_FEED = 'health.canteen_meal';

function toRow(m: CanteenMeal): AppendedRow {
  return { id: m.id, hubId: m.hubId, at: m.servedAt, values: { [MEALS]: 1 } };
}

// Only what the counts need: the resident never leaves the health source.
const meals = (source: DataSource) => source.getRepository(CanteenMeal).createQueryBuilder('m').select(['m.id', 'm.hubId', 'm.servedAt']);

/** Meals served, appended by the canteen tills. */
export const mealFeed: AppendFeed = {
  kind: 'append',
  metrics: [MEALS],
  name: MEAL_FEED,
  source: 'health',
  async readAfter(source, afterId, limit) {
    const rows = await meals(source).where('m.id > :afterId', { afterId }).orderBy('m.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
  async readRanges(source, ranges, limit) {
    const { where, parameters } = idRangesCondition('m.id', ranges);
    const rows = await meals(source).where(where, parameters).orderBy('m.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
};
