import type { DataSource } from 'typeorm';
import { addDays, startOfLocalDate } from '../../../core/time/local-time';
import { NUTRITION_THRESHOLDS } from '../nutrition/nutrition-thresholds';
import { HealthFlag } from '../residents/health-flag';
import type { CanteenDay } from './canteen-day';

type Row = Record<string, unknown>;

/**
 * The raw counts of many hubs' canteens on one local day, in four statements whatever the
 * number of hubs. Reads the health source itself, so the counts move as the tills write meals.
 */
export async function readCanteenDays(source: DataSource, hubIds: readonly number[], date: string): Promise<CanteenDay[]> {
  const from = startOfLocalDate(date);
  const params = { hubIds: [...hubIds], from, to: addDays(from, 1) };
  const run = (sql: string, extra: Record<string, unknown> = {}): Promise<Row[]> => {
    const [query, values] = source.driver.escapeQueryWithParameters(sql, { ...params, ...extra });
    return source.query(query, values);
  };
  const ofTheDay = 'm.hub_id IN (:...hubIds) AND m.served_at >= :from AND m.served_at < :to';

  const [menus, meals, flagged, hypertensive] = await Promise.all([
    run('SELECT DISTINCT hub_id FROM canteen_menu_item WHERE hub_id IN (:...hubIds)'),
    run(`SELECT m.hub_id, COUNT(*) AS meals, COUNT(DISTINCT m.resident_ref) AS diners
         FROM canteen_meal m WHERE ${ofTheDay} GROUP BY m.hub_id`),
    run(`SELECT m.hub_id, f.flag, COUNT(DISTINCT m.resident_ref) AS diners
         FROM canteen_meal m JOIN resident_health_flag f ON f.resident_ref = m.resident_ref
         WHERE ${ofTheDay} GROUP BY m.hub_id, f.flag`),
    // Per meal the saltiest dish; a meal is low-salt when even that one is. Meals whose
    // dishes were not recorded drop out (the inner join) rather than count as low-salt.
    run(
      `SELECT hub_id, COUNT(*) AS meals, SUM(CASE WHEN max_sodium <= :lowSalt THEN 1 ELSE 0 END) AS low_salt
       FROM (SELECT m.id, m.hub_id, MAX(d.sodium_mg) AS max_sodium
             FROM canteen_meal m
             JOIN resident_health_flag f ON f.resident_ref = m.resident_ref AND f.flag = :hypertension
             JOIN canteen_meal_dish md ON md.meal_id = m.id
             JOIN dish d ON d.id = md.dish_id
             WHERE ${ofTheDay} GROUP BY m.id, m.hub_id) per_meal
       GROUP BY hub_id`,
      { lowSalt: NUTRITION_THRESHOLDS.lowSaltMaxSodiumMg, hypertension: HealthFlag.HYPERTENSION },
    ),
  ]);

  const withMenu = new Set(menus.map((r) => Number(r.hub_id)));
  const byHub = (rows: Row[]) => new Map(rows.map((r) => [Number(r.hub_id), r]));
  const mealsOf = byHub(meals);
  const hypertensiveOf = byHub(hypertensive);
  const flagsOf = new Map<number, Record<HealthFlag, number>>();
  for (const hubId of hubIds) {
    flagsOf.set(hubId, Object.fromEntries(Object.values(HealthFlag).map((flag) => [flag, 0])) as Record<HealthFlag, number>);
  }
  for (const row of flagged) {
    const counts = flagsOf.get(Number(row.hub_id));
    // A flag the health platform added later and this code does not know is left out.
    if (counts && String(row.flag) in counts) counts[row.flag as HealthFlag] = Number(row.diners);
  }
  return hubIds.map((hubId) => {
    const served = mealsOf.get(hubId);
    const flagDiners = flagsOf.get(hubId)!;
    return {
      hubId,
      date,
      hasCanteen: withMenu.has(hubId) || served !== undefined,
      meals: Number(served?.meals ?? 0),
      diners: Number(served?.diners ?? 0),
      flagDiners,
      hypertensionMeals: Number(hypertensiveOf.get(hubId)?.meals ?? 0),
      hypertensionLowSaltMeals: Number(hypertensiveOf.get(hubId)?.low_salt ?? 0),
    };
  });
}
