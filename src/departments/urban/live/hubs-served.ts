import type { HubInfo } from '../../../core/hubs/hub-directory';
import { greatCircleMeters } from '../../../core/geo/great-circle';
import type { LatLng } from '../../../core/geo/convert';

/** A point serves the hubs within this walk (metres): they count its free spaces as theirs. */
export const SERVING_RADIUS_METERS = 500;
/** A degree of latitude is ~111 km everywhere: a cheap first cut before the exact distance. */
const LATITUDE_DEGREES = SERVING_RADIUS_METERS / 111_000 + 1e-4;

/** The ids of the hubs within 500 m of a point (both WGS-84), in id order. */
export function hubsServedBy(point: LatLng, hubs: readonly HubInfo[]): number[] {
  return hubs
    .filter((hub) => Math.abs(hub.lat - point.lat) <= LATITUDE_DEGREES && greatCircleMeters(point, hub) <= SERVING_RADIUS_METERS)
    .map((hub) => hub.id)
    .sort((a, b) => a - b);
}
