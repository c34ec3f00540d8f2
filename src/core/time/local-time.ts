/**
 * The district's clock. Asia/Shanghai is UTC+8 all year (no daylight saving), so local days
 * are computed with a fixed offset rather than a time-zone database.
 */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant the local day containing `at` began. */
export function startOfLocalDay(at: Date): Date {
  const local = at.getTime() + OFFSET_MS;
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS);
}

/** The local calendar day of `at`, `YYYY-MM-DD`. */
export function localDateOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local calendar day (`YYYY-MM-DD`) begins. */
export function startOfLocalDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

/** The instant of a local wall-clock time on the local day of `day`. */
export function atLocalTime(day: Date, hours: number, minutes = 0): Date {
  return new Date(startOfLocalDay(day).getTime() + (hours * 60 + minutes) * 60 * 1000);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** The local hour (0–23) of `at`. */
export function localHourOf(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCHours();
}

/** The instant the local calendar month containing `at` began. */
export function startOfLocalMonth(at: Date): Date {
  return startOfLocalDate(`${localDateOf(at).slice(0, 8)}01`);
}

/** The local month start `months` months after the one containing `at`. */
export function addLocalMonths(at: Date, months: number): Date {
  const [year, month] = localDateOf(at).split('-').map(Number);
  return startOfLocalDate(new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10));
}
