import { departmentSettings } from '../../core/departments/department-settings';
import { readLiveSettings } from '../../live/live-settings';
import { CIVIL } from './civil-source';

export interface CivilSettings {
  /**
   * How old what civil answers from memory may be (the hub index: nearbyHubs, hub lists, hub
   * loads; a hub's facilities and organizations): FEED_POLL_MS, the freshness the live layer
   * keeps for rows that change (read with its own reader, so its default is written once).
   */
  memoryMaxAgeMs: number;
}

export const CIVIL_SETTINGS = departmentSettings<CivilSettings>(CIVIL, (env) => ({ memoryMaxAgeMs: readLiveSettings(env).feedPollMs }));
