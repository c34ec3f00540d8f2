import type { DistrictValues, HubLiveValues } from '../state/live-state';
import type { DistrictOverview, HubLiveMetrics } from './live-types';

export function toHubLiveMetrics(values: HubLiveValues): HubLiveMetrics {
  return { ...values, hubId: String(values.hubId) };
}

export const ALL_DISTRICTS = '全部';

export function toDistrictOverview(values: DistrictValues, district: string | null): DistrictOverview {
  return { ...values, district: district ?? ALL_DISTRICTS };
}
