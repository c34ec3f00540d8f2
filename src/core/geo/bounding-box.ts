import type { LatLng } from './convert';
import { EARTH_RADIUS_METERS } from './great-circle';

/** A latitude band and one or two longitude ranges (two when the box crosses the antimeridian). */
export interface BoundingBox {
  minLat: number;
  maxLat: number;
  lngRanges: [min: number, max: number][];
}

/**
 * The smallest lat/lng box that holds every point within `radiusMeters` of `centre`, for an
 * indexed prefilter before the exact distance. Near a pole the box spans every longitude.
 */
export function boundingBox(centre: LatLng, radiusMeters: number): BoundingBox {
  const angular = radiusMeters / EARTH_RADIUS_METERS;
  const dLat = (angular * 180) / Math.PI;
  const minLat = Math.max(-90, centre.lat - dLat);
  const maxLat = Math.min(90, centre.lat + dLat);
  if (minLat <= -90 || maxLat >= 90) return { minLat, maxLat, lngRanges: [[-180, 180]] };

  // The widest longitude span of a spherical cap (exact, not the cos(lat) approximation).
  const sinRatio = Math.sin(angular) / Math.cos((centre.lat * Math.PI) / 180);
  if (sinRatio >= 1) return { minLat, maxLat, lngRanges: [[-180, 180]] };
  const dLng = (Math.asin(sinRatio) * 180) / Math.PI;
  const west = centre.lng - dLng;
  const east = centre.lng + dLng;
  if (west < -180) return { minLat, maxLat, lngRanges: [[west + 360, 180], [-180, east]] };
  if (east > 180) return { minLat, maxLat, lngRanges: [[west, 180], [-180, east - 360]] };
  return { minLat, maxLat, lngRanges: [[west, east]] };
}
