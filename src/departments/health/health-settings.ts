import { departmentSettings } from '../../core/departments/department-settings';
import { readInt } from '../../core/env-setting';
import { HEALTH } from './health-source';

export interface HealthSettings {
  /** Canteen aggregates: a count below this is shown as null, suppressed (small-cell rule). */
  suppressBelow: number;
}

export const HEALTH_SETTINGS = departmentSettings<HealthSettings>(HEALTH, (env) => ({
  suppressBelow: readInt(env, 'HEALTH_SUPPRESS_BELOW', 5, { min: 2, max: 100 }),
}));
