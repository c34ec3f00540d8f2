import { insertInBatches } from '../../core/seeding/insert-in-batches';
import type { SeedContext } from '../../core/seeding/seed-context';
import { facilityIdsOf } from '../../core/seeding/demo-district';
import { addDays, localHourOf, startOfLocalDay } from '../../core/time/local-time';
import { expectedArrivals } from './footfall/visit-pattern';
import { FootfallReading } from './footfall/footfall-reading.entity';
import { DoorSensor } from './sensors/door-sensor.entity';

const INTERVAL_MS = 5 * 60 * 1000;
const POSITIONS = ['正门', '侧门', '广场入口'];

function doorFacility(rooms: { id: number; type: string }[]): number | null {
  return (rooms.find((r) => r.type === 'LIBRARY') ?? rooms.find((r) => r.type === 'CANTEEN'))?.id ?? null;
}

/**
 * Door sensors on every hub and their readings in 5-minute intervals from yesterday's local
 * midnight until now: a screen's curve of today against yesterday has both days whole.
 */
export async function seedIot({ source, district, now, random, progress }: SeedContext): Promise<void> {
  if ((await source.getRepository(DoorSensor).count()) > 0) return;
  const rooms = facilityIdsOf(district.hubs);
  const sensors: DoorSensor[] = [];
  for (const hub of district.hubs) {
    const doors = hub.kind === 'FLAGSHIP' ? 3 : hub.kind === 'CLUSTER' ? 2 : 1 + Math.floor(random() * 2);
    for (let d = 0; d < doors; d++) {
      sensors.push({
        id: sensors.length + 1,
        hubId: hub.id,
        code: `${hub.code}-D${d + 1}`,
        position: POSITIONS[d],
        installedAt: new Date(Date.UTC(2021, 5, 1)),
        // A hub's second door is the city study's (or canteen's) own street door, where it has one: its readings are that facility's footfall too.
        facilityId: d === 1 ? doorFacility(rooms.get(hub.id) ?? []) : null,
      });
    }
  }
  await insertInBatches(source, DoorSensor, sensors);

  const readings: Omit<FootfallReading, 'id'>[] = [];
  const lastInterval = Math.floor(now.getTime() / INTERVAL_MS) * INTERVAL_MS - INTERVAL_MS;
  for (const hub of district.hubs) {
    const doors = sensors.filter((s) => s.hubId === hub.id);
    let inside = 0;
    for (let at = startOfLocalDay(addDays(now, -1)).getTime(); at <= lastInterval; at += INTERVAL_MS) {
      const hour = localHourOf(new Date(at));
      if (hour < 7 || hour >= 21) {
        inside = 0;
        continue;
      }
      const entered = Math.round(expectedArrivals(hub.capacity, new Date(at)) * (0.6 + random() * 0.8));
      // People stay about an hour; at closing time everyone leaves.
      const exited = hour >= 20 && new Date(at).getUTCMinutes() >= 45 ? inside + entered : Math.round(inside * (0.06 + random() * 0.08));
      inside = Math.max(0, inside + entered - exited);
      // Split the hub's flow over its doors; the main door sees most of it.
      let restIn = entered;
      let restOut = exited;
      doors.forEach((door, i) => {
        const last = i === doors.length - 1;
        const share = last ? 1 : 0.7;
        const dIn = last ? restIn : Math.round(restIn * share);
        const dOut = last ? restOut : Math.round(restOut * share);
        restIn -= dIn;
        restOut -= dOut;
        readings.push({ sensorId: door.id, hubId: hub.id, at: new Date(at), entered: dIn, exited: dOut });
      });
    }
  }
  await insertInBatches(source, FootfallReading, readings, (done) => progress('footfall readings', done, readings.length));
}
