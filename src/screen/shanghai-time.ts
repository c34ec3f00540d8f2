/**
 * The district's clock in the browser. A lobby display may be set to any time zone; "today" on
 * the wall is the Asia/Shanghai day, which is UTC+8 all year, so a fixed offset is exact.
 */
const OFFSET_MS = 8 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The instant the local day containing `at` began. */
export function startOfLocalDay(at: number): number {
  const local = at + OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS;
}

/** The local hour (0–23) of `at`. */
export function localHourOf(at: number): number {
  return new Date(at + OFFSET_MS).getUTCHours();
}

/** The instant of a local wall-clock time on the local day of `at`. */
export function atLocalTime(at: number, hours: number, minutes = 0): number {
  return startOfLocalDay(at) + (hours * 60 + minutes) * 60_000;
}

/** `15:07`, or `15:07:32` with seconds. */
export function formatLocalTime(at: number, seconds = false): string {
  return new Date(at + OFFSET_MS).toISOString().slice(11, seconds ? 19 : 16);
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `2026年12月2日 星期三` */
export function formatLocalDate(at: number): string {
  const local = new Date(at + OFFSET_MS);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${WEEKDAYS[local.getUTCDay()]}`;
}
