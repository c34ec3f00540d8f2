import type { DataSource } from 'typeorm';
import { insertRows } from '../../../core/data-sources/insert-rows';
import { FootfallReading } from '../footfall/footfall-reading.entity';
import type { CheckedReading } from './check-readings';
import { serialTransaction } from '../../../core/data-sources/serial-transaction';

/**
 * Writes the readings not yet recorded, in one transaction; a (sensor, at) pair already there,
 * or twice in the batch, is a duplicate: a counter resending after a lost answer.
 */
export async function writeReadings(iot: DataSource, readings: readonly CheckedReading[]): Promise<{ accepted: number; duplicates: number }> {
  const keyOf = (sensorId: number, at: Date) => `${sensorId}/${at.getTime()}`;
  return serialTransaction(iot, async (manager) => {
    const sensors = [...new Set(readings.map((r) => r.sensorId))];
    const times = readings.map((r) => r.at.getTime());
    const existing = await manager
      .getRepository(FootfallReading)
      .createQueryBuilder('r')
      .select(['r.sensorId', 'r.at'])
      .where('r.sensorId IN (:...sensors) AND r.at >= :from AND r.at <= :to', { sensors, from: new Date(Math.min(...times)), to: new Date(Math.max(...times)) })
      .getMany();
    const seen = new Set(existing.map((r) => keyOf(r.sensorId, r.at)));
    const fresh: CheckedReading[] = [];
    for (const r of readings) {
      const key = keyOf(r.sensorId, r.at);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push(r);
    }
    // Ignoring duplicates: a concurrent ingest of the same reading is a duplicate, not an error.
    await insertRows(manager, FootfallReading, fresh, { ignoreDuplicates: true });
    return { accepted: fresh.length, duplicates: readings.length - fresh.length };
  });
}
