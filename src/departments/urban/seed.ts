import type { DemoHub } from '../../core/seeding/demo-district';
import { insertInBatches } from '../../core/seeding/insert-in-batches';
import { intBetween } from '../../core/seeding/seeded-random';
import type { SeedContext } from '../../core/seeding/seed-context';
import { greatCircleMeters } from '../../core/geo/great-circle';
import type { LatLng } from '../../core/geo/convert';
import { SERVING_RADIUS_METERS } from './live/hubs-served';
import { BikeParkingPoint } from './parking/bike-parking-point.entity';
import { stationName } from './parking/metro-stations';

const EXITS = ['A口', 'B口', 'C口', 'D口'];
const METRES_PER_DEGREE = 111_320;

/** `metres` from `from` towards `bearing` (radians from north): good to a metre at these distances. */
function offset(from: LatLng, metres: number, bearing: number): LatLng {
  const lat = from.lat + (metres * Math.cos(bearing)) / METRES_PER_DEGREE;
  const lng = from.lng + (metres * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

interface DemoStation {
  street: string;
  /** The hub it was placed by: it names a station past the street's list. */
  nearHub: string;
  centre: LatLng;
  exits: number;
  /** How far from the centre its exits may be, in metres. */
  spread: number;
}

/**
 * Metro stations near the first hub of each street (the named ones: 三墩站 by 三墩镇民生综合体) and
 * about half of the others (a few hundred metres off), and one between each of
 * some pairs of hubs less than 900 m apart, so that its exits are within 500 m of both: the
 * district's total must count those once. Each station has 2–4 exits with a point each.
 */
function stationsOf(hubs: readonly DemoHub[], random: () => number, share: number): DemoStation[] {
  const stations: DemoStation[] = [];
  const streets = new Set<string>();
  for (const hub of hubs) {
    const first = !streets.has(hub.street);
    streets.add(hub.street);
    if (random() >= share && !first) continue;
    stations.push({ street: hub.street, nearHub: hub.name, centre: offset(hub, intBetween(random, 150, 400), random() * 2 * Math.PI), exits: intBetween(random, 2, 4), spread: 120 });
  }
  const paired = new Set<number>();
  for (const a of hubs) {
    for (const b of hubs) {
      if (b.id <= a.id || paired.has(a.id) || paired.has(b.id)) continue;
      const apart = greatCircleMeters(a, b);
      // Exits at most 40 m from the midpoint stay within 500 m of both hubs.
      if (apart < 200 || apart > 2 * (SERVING_RADIUS_METERS - 50)) continue;
      paired.add(a.id).add(b.id);
      stations.push({ street: a.street, nearHub: a.name, centre: { lat: (a.lat + b.lat) / 2, lng: (a.lng + b.lng) / 2 }, exits: 2, spread: 40 });
    }
  }
  return stations;
}

/** Bike-parking points at the metro exits near the demo hubs; nothing when run again. */
export async function seedUrban({ source, district, now, random, progress }: SeedContext): Promise<void> {
  if ((await source.getRepository(BikeParkingPoint).count()) > 0) return;
  // ~976 points over the city's ~1,000 hubs (DOMAIN.md); more of the district's hubs are near one.
  const stations = stationsOf(district.hubs, random, district.scale === 'city' ? 0.33 : 0.5);
  const perStreet = new Map<string, number>();
  const rows: Omit<BikeParkingPoint, 'id'>[] = [];
  for (const station of stations) {
    const k = perStreet.get(station.street) ?? 0;
    perStreet.set(station.street, k + 1);
    for (let e = 0; e < station.exits; e++) {
      const spaces = intBetween(random, 6, 26) * 10;
      const at = offset(station.centre, intBetween(random, 20, station.spread), (e / station.exits) * 2 * Math.PI + random());
      rows.push({
        station: stationName(station.street, k, station.nearHub),
        exit: EXITS[e],
        ...at,
        spaces,
        chargers: random() < 0.4 ? intBetween(random, 1, Math.min(4, spaces / 10)) * 10 : 0,
        occupied: Math.round(spaces * (0.3 + random() * 0.6)),
        updatedAt: now,
      });
    }
  }
  await insertInBatches(source, BikeParkingPoint, rows, (done) => progress('bike-parking points', done, rows.length));
}
