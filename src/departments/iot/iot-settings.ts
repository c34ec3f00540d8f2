import { departmentSettings } from '../../core/departments/department-settings';
import { readInt } from '../../core/env-setting';
import { IOT } from './iot-source';

export interface IotSettings {
  /** `recordFootfall` refuses readings older than this: a counter's backlog after an outage, not history. */
  footfallMaxAgeDays: number;
}

export const IOT_SETTINGS = departmentSettings<IotSettings>(IOT, (env) => ({
  footfallMaxAgeDays: readInt(env, 'FOOTFALL_MAX_AGE_DAYS', 31, { min: 1, max: 3_650 }),
}));
