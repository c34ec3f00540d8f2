import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { boundingBox } from '../../../core/geo/bounding-box';
import type { LatLng } from '../../../core/geo/convert';
import { greatCircleMeters } from '../../../core/geo/great-circle';
import { whereHubHasFacility } from '../facilities/has-facility';
import type { FacilityType } from '../facilities/facility-type';
import { Hub } from '../hubs/hub.entity';
import { HubIndex, type HubTable } from '../hubs/hub-index';

export interface NearbySearch {
  /** WGS-84, as the hubs are stored. */
  centre: LatLng;
  radiusMeters: number;
  first: number;
  facility?: FacilityType;
}

/**
 * The hubs within the radius, nearest first, ties by id. A bounding box on the indexed
 * (lat, lng) picks the candidates (id and position only: a 50 km search may hold a thousand),
 * the exact great-circle distance sorts them, and only the nearest `first` are loaded.
 * Distances are rounded to 0.1 m before sorting, so that the order shown is the order used.
 */
export async function searchNearby(
  source: DataSource,
  search: NearbySearch,
  loadHubs: (ids: number[]) => Promise<(Hub | null)[]>,
): Promise<{ hub: Hub; distanceMeters: number }[]> {
  if (search.first === 0) return [];
  const query = nearbyCandidates(source, search);
  const candidates = await query.getRawMany<{ id: number | string; lat: number | string; lng: number | string }>();
  const nearest = nearestOf(
    search,
    candidates.map((row) => ({ id: Number(row.id), lat: Number(row.lat), lng: Number(row.lng) })),
  );
  if (nearest.length === 0) return [];
  const hubs = await loadHubs(nearest.map((found) => found.id));
  return nearest.flatMap((found, i) => (hubs[i] ? [{ hub: hubs[i], distanceMeters: found.distanceMeters }] : []));
}

/** The candidates' ids and positions: a bounding box on the indexed (lat, lng), and the facility. */
export function nearbyCandidates(source: DataSource, search: Omit<NearbySearch, 'first'>): SelectQueryBuilder<Hub> {
  const box = boundingBox(search.centre, search.radiusMeters);
  const query = source
    .getRepository(Hub)
    .createQueryBuilder('hub')
    .select(['hub.id AS id', 'hub.lat AS lat', 'hub.lng AS lng'])
    .where('hub.lat BETWEEN :minLat AND :maxLat', { minLat: box.minLat, maxLat: box.maxLat });
  const lngRanges = box.lngRanges.map((_, i) => `hub.lng BETWEEN :minLng${i} AND :maxLng${i}`).join(' OR ');
  query.andWhere(`(${lngRanges})`, Object.fromEntries(box.lngRanges.flatMap(([min, max], i) => [[`minLng${i}`, min], [`maxLng${i}`, max]])));
  if (search.facility) whereHubHasFacility(query, source, search.facility);
  return query;
}

/** The nearest `first` of the candidates within the radius: exact great-circle distance, rounded to 0.1 m, ties by id. */
export function nearestOf<T extends { id: number; lat: number; lng: number }>(search: NearbySearch, candidates: readonly T[]): { id: number; found: T; distanceMeters: number }[] {
  return candidates
    .map((found) => ({ id: found.id, found, distanceMeters: Math.round(greatCircleMeters(search.centre, found) * 10) / 10 }))
    .filter((found) => found.distanceMeters <= search.radiusMeters)
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.id - b.id)
    .slice(0, search.first);
}

/** The same search answered from civil's hub index (no facility filter: the index holds no facilities). */
export function searchNearbyInIndex(table: HubTable, search: NearbySearch): { hub: Hub; distanceMeters: number }[] {
  if (search.first === 0) return [];
  return nearestOf(search, HubIndex.candidatesNear(table, search.centre, search.radiusMeters)).map(({ found, distanceMeters }) => ({ hub: found, distanceMeters }));
}
