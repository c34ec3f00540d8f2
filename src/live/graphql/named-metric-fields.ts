import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DistrictOverview, HubLiveMetrics, StreetMetrics } from './live-types';

/** A metric a department also shows as a named field of its own (`footfallToday` for `footfall`). */
export interface NamedMetricField {
  /** The field's name, as clients know it. */
  field: string;
  /** The declared metric it reads. */
  metric: string;
  description: string;
}

const LIVE_TYPES = [HubLiveMetrics, StreetMetrics, DistrictOverview] as const;

/**
 * Resolvers that add each field to HubLiveMetrics, StreetMetrics and DistrictOverview, as a whole
 * number read from the metric's value: how a department keeps the names clients rely on for the
 * metrics it declares. Registered with the department's resolvers, so that they go when it goes.
 */
export function namedMetricFields(fields: readonly NamedMetricField[]): Function[] {
  return LIVE_TYPES.map((type) => {
    @Resolver(() => type)
    class NamedMetricFieldsResolver {}
    for (const { field, metric, description } of fields) {
      const read = (root: { values: ReadonlyMap<string, number> }) => Math.round(root.values.get(metric) ?? 0);
      Object.defineProperty(NamedMetricFieldsResolver.prototype, field, { value: read, writable: true, configurable: true });
      Root()(NamedMetricFieldsResolver.prototype, field, 0);
      FieldResolver(() => Int, { name: field, description })(NamedMetricFieldsResolver.prototype, field, Object.getOwnPropertyDescriptor(NamedMetricFieldsResolver.prototype, field)!);
    }
    return NamedMetricFieldsResolver;
  });
}
