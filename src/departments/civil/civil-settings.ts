import { departmentSettings } from '../../core/departments/department-settings';
import { readLiveSettings } from '../../live/live-settings';
import { CIVIL } from './civil-source';

export interface CivilSettings {
  /**
   * How old the in-memory hub index may be when it answers (nearbyHubs, hub lists, hub loads):
   * FEED_POLL_MS, the freshness the live layer keeps for rows that change (read with its own
   * reader, so its default is written once).
   */
  hubIndexMaxAgeMs: number;
}

export const CIVIL_SETTINGS = departmentSettings<CivilSettings>(CIVIL, (env) => ({ hubIndexMaxAgeMs: readLiveSettings(env).feedPollMs }));
