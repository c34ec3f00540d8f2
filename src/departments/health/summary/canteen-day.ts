import type { HealthFlag } from '../residents/health-flag';

/** The raw counts of one hub's canteen on one local day, before suppression. Never returned as is. */
export interface CanteenDay {
  hubId: number;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  /** The health department knows a canteen at this hub (a menu published, or meals recorded). */
  hasCanteen: boolean;
  meals: number;
  /** Distinct residents who ate. */
  diners: number;
  /** Distinct diners with each flag. */
  flagDiners: Record<HealthFlag, number>;
  /** Meals (with their dishes recorded) of diners flagged HYPERTENSION. */
  hypertensionMeals: number;
  /** Those of them whose dishes were all low-salt. */
  hypertensionLowSaltMeals: number;
}
