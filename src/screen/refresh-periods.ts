import { HOUR_MS, atLocalTime } from './shanghai-time';

/**
 * Which period a time falls in, for what the wall reloads over HTTP: it reloads a thing when
 * its period changes (checked each second), which survives a display that slept, unlike timers.
 */

/** The series: each hour, half a minute in (the last readings of the hour are in by then). */
export function seriesPeriod(now: number): number {
  return Math.floor((now - 30_000) / HOUR_MS);
}

/** The activities list: every five minutes (what has ended drops off; changes come sooner, see screen-app). */
export function activitiesPeriod(now: number): number {
  return Math.floor(now / 300_000);
}

/**
 * The canteens' health counts: a new day, after lunch (13:00) and after dinner (18:30), not
 * per meal (docs/canteen-health.md: a count moving while one diner pays tells about them).
 */
export function canteenPeriod(now: number): number {
  const lunchOver = atLocalTime(now, 13);
  const dinnerOver = atLocalTime(now, 18, 30);
  return atLocalTime(now, 0) + (now >= dinnerOver ? 2 : now >= lunchOver ? 1 : 0);
}
