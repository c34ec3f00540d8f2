import { HealthFlag } from '../residents/health-flag';
import type { CanteenDay } from './canteen-day';
import type { CanteenHealthSummary, HealthFlagCount } from './canteen-health-summary';

/**
 * Turns a day's raw counts into what a screen may see. With k = HEALTH_SUPPRESS_BELOW:
 * - a flag's diner count c is shown only if c ≥ k and (diners − c) ≥ k: the complement is
 *   suppressed too, else "everyone who ate today but two has hypertension" leaks through
 *   mealsServed − c;
 * - lowSaltShare is shown only if the HYPERTENSION count is shown and both the low-salt meals
 *   and the other meals among the hypertensive diners' meals are ≥ k (a ratio is as revealing
 *   as the counts it is made of, and 1 − share is the complement's share);
 * - mealsServed is always shown: it is the public `mealsToday` and says nothing about health.
 * Flags do not partition the diners (one person may have several) and no union or "no flag"
 * count is published, so the shown counts satisfy no equation that would give a hidden one.
 */
export function suppressSmallCells(day: CanteenDay, k: number): CanteenHealthSummary {
  const flags: HealthFlagCount[] = Object.values(HealthFlag).map((flag) => {
    const count = day.flagDiners[flag];
    const shown = count >= k && day.diners - count >= k;
    return { flag, diners: shown ? count : null, suppressed: !shown };
  });
  const hypertensionShown = !flags.find((f) => f.flag === HealthFlag.HYPERTENSION)!.suppressed;
  const lowSalt = day.hypertensionLowSaltMeals;
  const other = day.hypertensionMeals - lowSalt;
  const shareShown = hypertensionShown && lowSalt >= k && other >= k;
  return {
    hubId: day.hubId,
    date: day.date,
    mealsServed: day.meals,
    suppressBelow: k,
    flags,
    // Two decimals, as a screen shows a percentage: no exact fraction to reconstruct counts from.
    lowSaltShare: shareShown ? Math.round((lowSalt / day.hypertensionMeals) * 100) / 100 : null,
  };
}
