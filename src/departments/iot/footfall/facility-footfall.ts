import type { DataSource } from 'typeorm';
import { DoorSensor } from '../sensors/door-sensor.entity';
import { FootfallReading } from './footfall-reading.entity';

/**
 * For the facilities of these hubs that have a sensor at their own door: the people in through
 * it over [from, to) (0 when it counted none). A facility without such a sensor is absent, so
 * that a reader can tell "nobody came" from "nobody counts". Two statements.
 */
export async function facilityFootfall(iot: DataSource, hubIds: readonly number[], from: Date, to: Date): Promise<Map<number, number>> {
  if (hubIds.length === 0) return new Map();
  const sensors = await iot
    .getRepository(DoorSensor)
    .createQueryBuilder('s')
    .select('DISTINCT s.facilityId', 'facilityId')
    .where('s.hubId IN (:...hubIds) AND s.facilityId IS NOT NULL', { hubIds: [...hubIds] })
    .getRawMany<{ facilityId: number | string }>();
  const footfall = new Map(sensors.map((s) => [Number(s.facilityId), 0]));
  if (footfall.size === 0) return footfall;
  const rows = await iot
    .getRepository(FootfallReading)
    .createQueryBuilder('r')
    .innerJoin(DoorSensor, 's', 's.id = r.sensorId')
    .select('s.facilityId', 'facilityId')
    .addSelect('SUM(r.entered)', 'entered')
    .where('r.hubId IN (:...hubIds) AND r.at >= :from AND r.at < :to AND s.facilityId IS NOT NULL', { hubIds: [...hubIds], from, to })
    .groupBy('s.facilityId')
    .getRawMany<{ facilityId: number | string; entered: number | string }>();
  for (const row of rows) footfall.set(Number(row.facilityId), Number(row.entered));
  return footfall;
}
