import type { DataSource } from 'typeorm';
import type { DemoDistrict } from '../src/core/seeding/demo-district';
import { seededRandom } from '../src/core/seeding/seeded-random';
import type { SeedContext } from '../src/core/seeding/seed-context';
import { addDays, addLocalMonths, localHourOf, startOfLocalDay, startOfLocalMonth } from '../src/core/time/local-time';
import { expectedArrivals } from '../src/departments/iot';
import { MetricRollupDay } from '../src/live/feeds/rollup-tier.entity';
import { addIntoTier, storedDate } from '../src/live/feeds/rollup-tier-sql';
import { serialTransaction } from '../src/core/data-sources/serial-transaction';
import { RECENT_ROLLUP_DAYS } from './seed-recent-rollups';
import { insertTierRows, type TierRow } from './tier-rows';

const HOUR_MS = 3_600_000;
/** Canteen hours (local) and the share of capacity each serves, as the health seed's meal windows. */
const MEAL_HOURS: Record<number, number> = { 11: 0.17, 12: 0.13, 17: 0.1, 18: 0.05 };

/**
 * `--history N`: the hub's day rollups of footfall and meals for the N days before yesterday (the
 * departments' seeded rows, yesterday and today, are the feeds' to roll up), and their hour
 * rollups for the last `hourDays` of them, as the retention job would have left them. The demo
 * seed's own days before yesterday (seed-recent-rollups: hour and day rows) are kept: the
 * history ends where they begin. Each hub has its own draw (some are cold), a weekly rhythm and a
 * slow trend; whole months have their month rows, made from all their days. The state row says
 * those days and months are rolled. Writes nothing when older day rollups are already there.
 */
export async function seedRollupHistory(hub: DataSource, district: DemoDistrict, now: Date, days: number, hourDays: number, progress: SeedContext['progress']): Promise<boolean> {
  if (days <= 0) return false;
  const random = seededRandom(730);
  const yesterday = startOfLocalDay(addDays(now, -1));
  const first = addDays(yesterday, -days);
  const [earliest] = await hub.query('SELECT MIN(bucket_start) AS first FROM metric_rollup_day');
  const until = earliest?.first == null ? yesterday : (hub.driver.prepareHydratedValue(earliest.first, hub.getMetadata(MetricRollupDay).findColumnWithPropertyName('bucketStart')!) as Date);
  if (until.getTime() < yesterday.getTime() - RECENT_ROLLUP_DAYS * 86_400_000) return false;
  const hourFrom = addDays(yesterday, -Math.min(hourDays, days)).getTime();
  const draw = new Map(district.hubs.map((h) => [h.id, 0.25 + random() * 1.3]));
  const canteens = new Set(district.hubs.filter((h) => h.facilities.some((f) => f.type === 'CANTEEN')).map((h) => h.id));
  for (let d = 0; d < days; d++) {
    const day = addDays(first, d);
    if (day.getTime() >= until.getTime()) break;
    const weekday = new Date(day.getTime() + 8 * HOUR_MS).getUTCDay();
    const rhythm = weekday === 0 || weekday === 6 ? 1.25 : 1;
    const trend = 0.8 + (0.4 * d) / days;
    const hours: TierRow[] = [];
    const daily: TierRow[] = [];
    for (const h of district.hubs) {
      let footfall = 0;
      let meals = 0;
      for (let hour = 0; hour < 24; hour++) {
        const at = new Date(day.getTime() + hour * HOUR_MS);
        const noise = 0.8 + random() * 0.4;
        const entered = Math.round(expectedArrivals(h.capacity, at) * 12 * draw.get(h.id)! * rhythm * trend * noise);
        const served = canteens.has(h.id) ? Math.round(h.capacity * (MEAL_HOURS[localHourOf(at)] ?? 0) * noise) : 0;
        footfall += entered;
        meals += served;
        if (at.getTime() >= hourFrom) {
          if (entered > 0) hours.push({ hubId: h.id, metric: 'footfall', at, value: entered, samples: 12 });
          if (served > 0) hours.push({ hubId: h.id, metric: 'meals', at, value: served, samples: 12 });
        }
      }
      if (footfall > 0) daily.push({ hubId: h.id, metric: 'footfall', at: day, value: footfall, samples: 288 });
      if (meals > 0) daily.push({ hubId: h.id, metric: 'meals', at: day, value: meals, samples: 288 });
    }
    await insertTierRows(hub, 'metric_rollup_day', daily);
    await insertTierRows(hub, 'metric_rollup_hour', hours);
    progress('rollup history (days)', d + 1, days);
  }
  // The whole months before yesterday's, from their day rows (the first one partly seeded: its rows are the days there are).
  const monthsUntil = startOfLocalMonth(yesterday);
  await serialTransaction(hub, async (manager) => {
    for (let month = startOfLocalMonth(until < first ? until : first); month.getTime() < monthsUntil.getTime(); month = addLocalMonths(month, 1)) {
      const [from, to] = [storedDate(hub, month), storedDate(hub, addLocalMonths(month, 1))];
      await addIntoTier(manager, hub, 'metric_rollup_month', 'SELECT hub_id, metric, ?, SUM(value), SUM(samples) FROM metric_rollup_day WHERE bucket_start >= ? AND bucket_start < ? GROUP BY hub_id, metric', [from, from, to]);
    }
  });
  await hub.query('UPDATE rollup_tier_state SET rolled_until = ?, months_until = ? WHERE id = 1', [storedDate(hub, yesterday), storedDate(hub, monthsUntil)]);
  return true;
}
