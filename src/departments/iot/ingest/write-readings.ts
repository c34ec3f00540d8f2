import type { DataSource } from 'typeorm';
import { insertRows } from '../../../core/data-sources/insert-rows';
import { FootfallReading } from '../footfall/footfall-reading.entity';
import type { CheckedReading } from './check-readings';
import { serialTransaction } from '../../../core/data-sources/serial-transaction';

/**
 * Writes the readings in one transaction (all or nothing). A (sensor, at) pair already recorded,
 * or twice in the batch, is a duplicate: a counter resending after a lost answer. What was
 * written is the database's own count, so identical batches sent at once split the rows between
 * them exactly, whichever commits first.
 */
export async function writeReadings(iot: DataSource, readings: readonly CheckedReading[]): Promise<{ accepted: number; duplicates: number }> {
  const seen = new Set<string>();
  const unique = readings.filter((r) => {
    const key = `${r.sensorId}/${r.at.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const accepted = await serialTransaction(iot, (manager) => insertRows(manager, FootfallReading, unique, { ignoreDuplicates: true }));
  return { accepted, duplicates: readings.length - accepted };
}
