import type { RunningHub } from '../../../src/app';
import { greatCircleMeters } from '../../../src/core/geo/great-circle';
import { spacesFreeOf, type BikeParkingPoint } from '../../../src/departments/urban/parking/bike-parking-point.entity';

export interface HubPlace {
  id: number;
  district: string;
  lat: number;
  lng: number;
}

/** Every point and every hub, read straight from the urban and civil databases. */
export async function pointsAndHubs(hub: RunningHub): Promise<{ points: BikeParkingPoint[]; hubs: HubPlace[] }> {
  const points = await hub.services.sources.get('urban').query('SELECT id, station, exit_label AS `exit`, lat, lng, spaces, chargers, occupied FROM bike_parking_point ORDER BY id');
  const hubs = await hub.services.sources.get('civil').query('SELECT id, district, lat, lng FROM hub ORDER BY id');
  const numbers = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && k !== 'station' && k !== 'exit' && k !== 'district' ? Number(v) : v]));
  return { points: points.map(numbers), hubs: hubs.map(numbers) };
}

/** The hubs within 500 m of a point, as a person with a map would find them. */
export function hubsWithin500m(point: { lat: number; lng: number }, hubs: readonly HubPlace[]): number[] {
  return hubs.filter((h) => greatCircleMeters(point, h) <= 500).map((h) => h.id);
}

/** What a screen should show: per hub the free spaces within 500 m, and the district's total counting each point once. */
export function expectedSpacesFree(points: readonly BikeParkingPoint[], hubs: readonly HubPlace[]) {
  const byHub = new Map<number, number>();
  let district = 0;
  for (const point of points) {
    const served = hubsWithin500m(point, hubs);
    for (const id of served) byHub.set(id, (byHub.get(id) ?? 0) + spacesFreeOf(point));
    if (served.length > 0) district += spacesFreeOf(point);
  }
  return { byHub, district };
}
