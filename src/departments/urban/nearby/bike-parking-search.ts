import type { DataSource } from 'typeorm';
import { boundingBox } from '../../../core/geo/bounding-box';
import type { LatLng } from '../../../core/geo/convert';
import { greatCircleMeters } from '../../../core/geo/great-circle';
import { BikeParkingPoint } from '../parking/bike-parking-point.entity';
import type { NearbyBikeParking } from './nearby-bike-parking';

/** A place and how far from it to look, in WGS-84 as the points are stored. */
export interface SearchCircle {
  centre: LatLng;
  radiusMeters: number;
}

/**
 * The points in any of the circles' bounding boxes, in one statement on the indexed (lat, lng):
 * a page of hubs asking costs one query. Whole rows: a point is small, and a 5 km box holds a few
 * hundred at most (976 in the whole city), so a second statement to load the nearest would cost more.
 */
export async function pointsAround(source: DataSource, circles: readonly SearchCircle[]): Promise<BikeParkingPoint[]> {
  if (circles.length === 0) return [];
  const parameters: Record<string, number> = {};
  const boxes = circles.map((circle, i) => {
    const box = boundingBox(circle.centre, circle.radiusMeters);
    parameters[`minLat${i}`] = box.minLat;
    parameters[`maxLat${i}`] = box.maxLat;
    const lng = box.lngRanges.map(([min, max], j) => {
      parameters[`minLng${i}_${j}`] = min;
      parameters[`maxLng${i}_${j}`] = max;
      return `p.lng BETWEEN :minLng${i}_${j} AND :maxLng${i}_${j}`;
    });
    return `(p.lat BETWEEN :minLat${i} AND :maxLat${i} AND (${lng.join(' OR ')}))`;
  });
  return source.getRepository(BikeParkingPoint).createQueryBuilder('p').where(boxes.join(' OR '), parameters).getMany();
}

/**
 * The points within the circle, nearest first, ties by id, at most `first`. Distances are rounded
 * to 0.1 m before sorting, so that the order shown is the order used (as nearbyHubs does).
 */
export function nearestWithin(points: readonly BikeParkingPoint[], circle: SearchCircle, first: number): NearbyBikeParking[] {
  return points
    .map((point) => ({ point, distanceMeters: Math.round(greatCircleMeters(circle.centre, point) * 10) / 10 }))
    .filter((found) => found.distanceMeters <= circle.radiusMeters)
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.point.id - b.point.id)
    .slice(0, first);
}
