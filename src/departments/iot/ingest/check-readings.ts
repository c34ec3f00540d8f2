import type { DataSource } from 'typeorm';
import { placeholders, plainSelect } from '../../../core/data-sources/plain-select';
import { BadUserInputError } from '../../../core/errors/hub-errors';
import { addDays } from '../../../core/time/local-time';
import { DoorSensor } from '../sensors/door-sensor.entity';
import type { FootfallReadingInput } from './footfall-reading.input';

export const MAX_READINGS_PER_CALL = 5_000;
/** Counters' clocks drift a little; more than this ahead of ours is a wrong clock. */
const CLOCK_SKEW_MS = 60_000;
const MAX_COUNT = 100_000;
const PROBLEMS_SHOWN = 10;

export interface CheckedReading {
  sensorId: number;
  hubId: number;
  at: Date;
  entered: number;
  exited: number;
}

/**
 * Validates a whole batch: one bad row refuses the batch, naming every bad row (the first few).
 * A reading more than `maxAgeDays` old is refused: the ingest is for a counter's backlog, and a
 * far-off date is a wrong clock. History goes straight into the iot database.
 */
export async function checkReadings(iot: DataSource, readings: readonly FootfallReadingInput[], now: Date, maxAgeDays: number): Promise<CheckedReading[]> {
  if (readings.length === 0) throw new BadUserInputError('readings: send at least one reading', 'readings');
  if (readings.length > MAX_READINGS_PER_CALL) {
    throw new BadUserInputError(`readings: at most ${MAX_READINGS_PER_CALL} per call, got ${readings.length}: send them in batches`, 'readings');
  }
  const problems: string[] = [];
  const ids = readings.map((r) => (/^[1-9]\d{0,9}$/.test(String(r.sensorId)) ? Number(r.sensorId) : NaN));
  const wanted = [...new Set(ids.filter((id) => !Number.isNaN(id)))];
  // One statement for the batch's sensors (a plain select: the query builder cost more than the statement, profiled).
  const known = wanted.length === 0 ? [] : await plainSelect(iot, DoorSensor, `SELECT id, hub_id FROM door_sensor WHERE id IN (${placeholders(wanted)})`, wanted);
  const hubOf = new Map(known.map(({ entity }) => [entity.id, entity.hubId]));
  const oldest = addDays(now, -maxAgeDays).getTime();
  const checked: CheckedReading[] = [];
  readings.forEach((r, i) => {
    const at = new Date(Math.floor(r.at.getTime() / 1000) * 1000);
    const hubId = hubOf.get(ids[i]);
    if (hubId === undefined) problems.push(`readings[${i}].sensorId: sensor ${r.sensorId} does not exist`);
    for (const field of ['entered', 'exited'] as const) {
      if (r[field] < 0) problems.push(`readings[${i}].${field}: must not be negative (${r[field]})`);
      else if (r[field] > MAX_COUNT) problems.push(`readings[${i}].${field}: ${r[field]} is more than a door counts in one interval`);
    }
    if (Number.isNaN(at.getTime())) problems.push(`readings[${i}].at: not a time`);
    else if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push(`readings[${i}].at: ${r.at.toISOString()} is in the future`);
    else if (at.getTime() < oldest) problems.push(`readings[${i}].at: ${r.at.toISOString()} is more than ${maxAgeDays} days old (FOOTFALL_MAX_AGE_DAYS)`);
    if (hubId !== undefined) checked.push({ sensorId: ids[i], hubId, at, entered: r.entered, exited: r.exited });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).join('; ');
    const more = problems.length > PROBLEMS_SHOWN ? `; and ${problems.length - PROBLEMS_SHOWN} more` : '';
    throw new BadUserInputError(`nothing was recorded: ${shown}${more}`, 'readings');
  }
  return checked;
}
