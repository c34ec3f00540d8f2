import type { MetricCatalog } from '../metrics/metric-catalog';
import type { DistrictValues, HubLiveValues, MetricValues, StreetValues } from '../state/live-state';
import type { DistrictOverview, HubLiveMetrics, LiveMetric, StreetMetrics } from './live-types';

export const ALL_DISTRICTS = '全部';

/** Every declared metric with its value (null: a gauge nothing serves here). */
export function liveMetricsOf(catalog: MetricCatalog, values: MetricValues): LiveMetric[] {
  return catalog.metrics.map((m) => ({ name: m.name, department: m.department, title: m.title, unit: m.unit ?? null, kind: m.kind, value: values.get(m.name) ?? null, stale: false }));
}

export function toHubLiveMetrics(catalog: MetricCatalog, { hubId, values, updatedAt }: HubLiveValues): HubLiveMetrics {
  return { hubId: String(hubId), values, updatedAt, metrics: liveMetricsOf(catalog, values) };
}

function toStreetMetrics(catalog: MetricCatalog, { street, hubs, values }: StreetValues): StreetMetrics {
  return { street, hubs, values, metrics: liveMetricsOf(catalog, values) };
}

export function toDistrictOverview(catalog: MetricCatalog, overview: DistrictValues): DistrictOverview {
  return {
    district: overview.district ?? ALL_DISTRICTS,
    hubs: overview.hubs,
    values: overview.values,
    updatedAt: overview.updatedAt,
    metrics: liveMetricsOf(catalog, overview.values),
    byStreet: overview.byStreet.map((street) => toStreetMetrics(catalog, street)),
  };
}
