import { HUB_SOURCE } from '../../core/data-sources/hub-source-name';
import type { HubContext } from '../../core/graphql/hub-context';
import { rollupSumsOf } from '../feeds/rollup-reader';
import { NotFoundError } from '../../core/errors/hub-errors';
import { knownDistrict } from './district-overview.resolver';
import { liveOf } from './live-of';
import { coarseTierOf, emptySeries, fillSeries, type SeriesPoint, type SeriesRange } from './metric-series';

/**
 * The hubs of a district together (every hub when null), or of one street of it: per bucket, each counter summed over the
 * hubs by the database, one statement (a screen's curve). Gauges are not summed over hubs, whose
 * points they may share.
 */
export async function districtSeries(context: HubContext, district: string | null | undefined, counters: readonly string[], range: SeriesRange, street?: string | null): Promise<SeriesPoint[]> {
  const live = liveOf(context);
  const name = knownDistrict(live, district);
  const inArea = (hub: { district: string; street: string }) => (name === null || hub.district === name) && (street == null || hub.street === street);
  const hubs = live.state.hubList();
  // A street no hub of the area is in is a typo, not a street where nobody came.
  if (street != null && !hubs.some(inArea)) throw new NotFoundError('street', street);
  const hubIds = name === null && street == null ? null : hubs.filter(inArea).map((hub) => hub.id);
  const points = emptySeries(range);
  return fillSeries(points, range.bucket, await rollupSumsOf(context.services.sources.get(HUB_SOURCE), hubIds, counters, points[0].at, range.to, coarseTierOf(range.bucket)), new Set());
}
