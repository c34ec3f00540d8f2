import type { SimulationContext } from '../../core/departments/simulation';
import { addDays, localHourOf, startOfLocalDay } from '../../core/time/local-time';
import { expectedArrivals } from './footfall/visit-pattern';
import { FootfallReading } from './footfall/footfall-reading.entity';
import { DoorSensor } from './sensors/door-sensor.entity';

const INTERVAL_MS = 5 * 60 * 1000;
/** People stay about an hour. */
const MEAN_STAY_MS = 60 * 60 * 1000;
/** The hubs open 07:00–21:00 local. */
const OPENS = 7;
const CLOSES = 21;

/** A whole number with `x` as its mean: the fraction becomes a chance of one more. */
function roundRandomly(x: number, random: () => number): number {
  const whole = Math.floor(x);
  return whole + (random() < x - whole ? 1 : 0);
}

/**
 * The door counters of the demo district: each writes what it saw since the last tick, as the
 * city operations centre's counters append to `footfall_reading`: arrivals follow the hubs'
 * busy hours, people leave after about an hour, everyone leaves at closing time.
 */
export async function simulateDoorCounters({ source, now, elapsedMs, hubs, random }: SimulationContext): Promise<number> {
  const sensors = await source.getRepository(DoorSensor).find({ order: { id: 'ASC' } });
  const dayStart = startOfLocalDay(now);
  const inside = await source
    .getRepository(FootfallReading)
    .createQueryBuilder('r')
    .select('r.hubId', 'hubId')
    .addSelect('SUM(r.entered) - SUM(r.exited)', 'n')
    .where('r.at >= :from AND r.at < :to', { from: dayStart, to: addDays(dayStart, 1) })
    .groupBy('r.hubId')
    .getRawMany<{ hubId: number | string; n: number | string }>();
  const occupancy = new Map(inside.map((r) => [Number(r.hubId), Math.max(0, Number(r.n))]));
  const at = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const open = localHourOf(now) >= OPENS && localHourOf(now) < CLOSES;

  const readings: Omit<FootfallReading, 'id'>[] = [];
  for (const hub of hubs) {
    const doors = sensors.filter((s) => s.hubId === hub.id);
    if (doors.length === 0) continue;
    const people = occupancy.get(hub.id) ?? 0;
    const entered = open ? roundRandomly((expectedArrivals(hub.capacity, now) * elapsedMs) / INTERVAL_MS * (0.6 + random() * 0.8), random) : 0;
    const exited = open ? Math.min(people, roundRandomly((people * elapsedMs) / MEAN_STAY_MS, random)) : people;
    if (entered === 0 && exited === 0) continue;
    // The main door sees most of the flow; the others share the rest.
    let restIn = entered;
    let restOut = exited;
    doors.forEach((door, i) => {
      const last = i === doors.length - 1;
      const dIn = last ? restIn : Math.round(restIn * 0.7);
      const dOut = last ? restOut : Math.round(restOut * 0.7);
      restIn -= dIn;
      restOut -= dOut;
      if (dIn > 0 || dOut > 0) readings.push({ sensorId: door.id, hubId: hub.id, at, entered: dIn, exited: dOut });
    });
  }
  if (readings.length > 0) await source.createQueryBuilder().insert().into(FootfallReading).values(readings).orIgnore().updateEntity(false).execute();
  return readings.length;
}
