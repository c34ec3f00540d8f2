import type { MetricCatalog } from '../metrics/metric-catalog';
import type { DistrictValues, HubLiveValues, MetricValues, StreetValues } from '../state/live-state';
import type { DistrictOverview, HubLiveMetrics, LiveMetric, StreetMetrics } from './live-types';

export const ALL_DISTRICTS = '全部';

/** Every declared metric with its value (null: a gauge nothing serves here); a down department's are stale, their values the last known. */
export function liveMetricsOf(catalog: MetricCatalog, values: MetricValues, staleDepartments: ReadonlySet<string>): LiveMetric[] {
  return catalog.metrics.map((m) => ({
    name: m.name,
    department: m.department,
    title: m.title,
    unit: m.unit ?? null,
    kind: m.kind,
    value: values.get(m.name) ?? null,
    stale: staleDepartments.has(m.department),
  }));
}

export function toHubLiveMetrics(catalog: MetricCatalog, { hubId, values, updatedAt, staleDepartments }: HubLiveValues): HubLiveMetrics {
  return { hubId: String(hubId), values, updatedAt, metrics: liveMetricsOf(catalog, values, staleDepartments), staleDepartments: [...staleDepartments] };
}

function toStreetMetrics(catalog: MetricCatalog, { street, hubs, values, staleDepartments }: StreetValues): StreetMetrics {
  return { street, hubs, values, metrics: liveMetricsOf(catalog, values, staleDepartments) };
}

export function toDistrictOverview(catalog: MetricCatalog, overview: DistrictValues): DistrictOverview {
  return {
    district: overview.district ?? ALL_DISTRICTS,
    hubs: overview.hubs,
    values: overview.values,
    updatedAt: overview.updatedAt,
    metrics: liveMetricsOf(catalog, overview.values, overview.staleDepartments),
    staleDepartments: [...overview.staleDepartments],
    byStreet: overview.byStreet.map((street) => toStreetMetrics(catalog, street)),
  };
}
