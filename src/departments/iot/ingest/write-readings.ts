import type { DataSource, EntityManager } from 'typeorm';
import { insertRows, rowsPerInsert } from '../../../core/data-sources/insert-rows';
import { FootfallReading } from '../footfall/footfall-reading.entity';
import type { CheckedReading } from './check-readings';
import { serialTransaction } from '../../../core/data-sources/serial-transaction';

/** sensor_id, hub_id, at, entered, exited */
const COLUMNS = 5;

/**
 * Writes the readings all or nothing. A (sensor, at) pair already recorded, or twice in the
 * batch, is a duplicate: a counter resending after a lost answer. What was written is the
 * database's own count, so identical batches sent at once split the rows between them exactly,
 * whichever commits first.
 */
export async function writeReadings(iot: DataSource, readings: readonly CheckedReading[]): Promise<{ accepted: number; duplicates: number }> {
  const seen = new Set<string>();
  const unique = readings.filter((r) => {
    const key = `${r.sensorId}/${r.at.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const write = (manager: EntityManager) => insertRows(manager, FootfallReading, unique, { ignoreDuplicates: true });
  // On MySQL one statement is atomic by itself: a transaction around it would only add BEGIN and
  // COMMIT round trips. SQLite's single connection may be inside another call's transaction, so
  // there every write queues for a transaction of its own.
  const oneStatement = iot.options.type !== 'better-sqlite3' && unique.length <= rowsPerInsert(iot, COLUMNS);
  const accepted = oneStatement ? await write(iot.manager) : await serialTransaction(iot, write);
  return { accepted, duplicates: readings.length - accepted };
}
