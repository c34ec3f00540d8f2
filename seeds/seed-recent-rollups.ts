import type { DataSource } from 'typeorm';
import type { DemoDistrict } from '../src/core/seeding/demo-district';
import { seededRandom } from '../src/core/seeding/seeded-random';
import { addDays, startOfLocalDay } from '../src/core/time/local-time';
import { expectedArrivals } from '../src/departments/iot';
import { storedDate } from '../src/live/feeds/rollup-tier-sql';
import { insertTierRows, type TierRow } from './tier-rows';

/** Days before yesterday the demo seed gives the hub's rollups of: with yesterday and today, the last 14 days. */
export const RECENT_ROLLUP_DAYS = 12;

const HOUR_MS = 3_600_000;
/** Meal windows in local time, as the health seed's tills serve them: [start hour, minutes long, share of capacity served]. */
const SERVICES: [number, number, number][] = [
  [11, 105, 0.3],
  [17, 75, 0.15],
];

/**
 * The hub's hour and day rollups of footfall and meals for the RECENT_ROLLUP_DAYS days before
 * yesterday, so that a wall's curve finds the last day of the same kind (a Friday for a Monday,
 * the last workday before a holiday) in the demo. The departments' seeds write raw rows for
 * yesterday and today only: raw rows for 14 days, or the hub's 5-minute rows for them (~117,000
 * at 58 hubs), made every seeded test about a second slower to seed. So these days are written as
 * the retention job leaves days whose 5-minute rows it has purged: hour rows (samples 12), day
 * rows, and the tier state saying they are rolled and their 5-minute buckets purged; HOUR and DAY
 * series read the tiers there (a FIVE_MINUTES series has none for those days). `metrics` are
 * those whose department was seeded now: an external department's history is never invented.
 * Writes nothing when the hub already has rollups before yesterday or rolled days.
 */
export async function seedRecentRollups(hub: DataSource, district: DemoDistrict, now: Date, metrics: ReadonlySet<'footfall' | 'meals'>): Promise<boolean> {
  if (metrics.size === 0) return false;
  const yesterday = startOfLocalDay(addDays(now, -1));
  const first = addDays(yesterday, -RECENT_ROLLUP_DAYS);
  const [state] = await hub.query('SELECT rolled_until, purged_before FROM rollup_tier_state WHERE id = 1');
  const [older] = await hub.query('SELECT COUNT(*) AS n FROM metric_rollup WHERE bucket_start < ?', [storedDate(hub, yesterday)]);
  if (state?.rolled_until != null || state?.purged_before != null || Number(older.n) > 0) return false;
  const random = seededRandom(1_412);
  const canteens = new Set(district.hubs.filter((h) => h.facilities.some((f) => f.type === 'CANTEEN')).map((h) => h.id));
  const hours: TierRow[] = [];
  const days: TierRow[] = [];
  for (let d = 0; d < RECENT_ROLLUP_DAYS; d++) {
    const day = addDays(first, d);
    // Busier at weekends, as the history seed has it.
    const weekday = new Date(day.getTime() + 8 * HOUR_MS).getUTCDay();
    const rhythm = weekday === 0 || weekday === 6 ? 1.25 : 1;
    for (const h of district.hubs) {
      const total = { footfall: 0, meals: 0 };
      const counted = { footfall: 0, meals: 0 };
      const add = (metric: 'footfall' | 'meals', at: number, value: number) => {
        if (value <= 0) return;
        hours.push({ hubId: h.id, metric, at: new Date(at), value, samples: 12 });
        total[metric] += value;
        counted[metric]++;
      };
      if (metrics.has('footfall')) {
        // The doors are counted from 07:00 to 21:00, as the iot seed's; expectedArrivals is per 5 minutes.
        for (let at = day.getTime() + 7 * HOUR_MS; at < day.getTime() + 21 * HOUR_MS; at += HOUR_MS) {
          add('footfall', at, Math.round(expectedArrivals(h.capacity, new Date(at)) * 12 * rhythm * (0.8 + random() * 0.4)));
        }
      }
      if (metrics.has('meals') && canteens.has(h.id)) {
        for (const [hour, minutes, share] of SERVICES) {
          const diners = h.capacity * share * (0.7 + random() * 0.6);
          // Spread over the window's hours by the minutes of each it covers.
          for (let start = 0; start < minutes; start += 60) add('meals', day.getTime() + (hour + start / 60) * HOUR_MS, Math.round((diners * Math.min(60, minutes - start)) / minutes));
        }
      }
      for (const metric of ['footfall', 'meals'] as const) {
        if (total[metric] > 0) days.push({ hubId: h.id, metric, at: day, value: total[metric], samples: 12 * counted[metric] });
      }
    }
  }
  await insertTierRows(hub, 'metric_rollup_hour', hours);
  await insertTierRows(hub, 'metric_rollup_day', days);
  // Rolled and purged up to yesterday, whose 5-minute rows the feeds make from the departments' rows; months are the retention job's to roll.
  await hub.query('UPDATE rollup_tier_state SET rolled_until = ?, purged_before = ? WHERE id = 1', [storedDate(hub, yesterday), storedDate(hub, yesterday)]);
  return true;
}
