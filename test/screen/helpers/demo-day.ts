import type { RunningHub } from '../../../src/app';
import { insertInBatches } from '../../../src/core/seeding/insert-in-batches';
import { addDays, atLocalTime } from '../../../src/core/time/local-time';
import { Hub } from '../../../src/departments/civil';
import { FootfallReading } from '../../../src/departments/iot/footfall/footfall-reading.entity';
import { expectedArrivals } from '../../../src/departments/iot/footfall/visit-pattern';
import { newSensor } from '../../live/live-helpers';

const INTERVAL_MS = 5 * 60 * 1000;

/**
 * For the README's picture only: the demo seed writes the last 24 hours, so in the afternoon
 * yesterday's curve would begin in yesterday's afternoon. This writes yesterday from opening
 * time up to where the seed starts, in the seed's own pattern, so both days are whole.
 */
export async function completeYesterday(hub: RunningHub, now = new Date()): Promise<void> {
  const hubs = await hub.services.sources.get('civil').getRepository(Hub).find();
  const opening = atLocalTime(addDays(now, -1), 7).getTime();
  const seeded = now.getTime() - 24 * 3_600_000;
  const rows: Omit<FootfallReading, 'id'>[] = [];
  let wobble = 7;
  for (const h of hubs) {
    const sensorId = await newSensor(hub, h.id);
    for (let at = opening; at < seeded; at += INTERVAL_MS) {
      wobble = (wobble * 7919 + 13) % 1000;
      const entered = Math.round(expectedArrivals(h.capacity, new Date(at)) * (0.6 + (wobble / 1000) * 0.8));
      rows.push({ sensorId, hubId: h.id, at: new Date(at), entered, exited: entered });
    }
  }
  await insertInBatches(hub.services.sources.get('iot'), FootfallReading, rows);
}
