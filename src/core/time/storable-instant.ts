/**
 * The instants every driver's datetime column holds and compares correctly: MySQL/MariaDB's
 * documented DATETIME range, 1000-01-01 to 9999-12-31 (UTC). Beyond it SQLite's text dates
 * compare in the wrong order (year 10000 sorts before 2026), and MySQL refuses or truncates.
 */
export const EARLIEST_STORABLE_MS = Date.UTC(1000, 0, 1);
export const LATEST_STORABLE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** True for whole epoch milliseconds that a datetime column can hold. */
export function isStorableInstant(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= EARLIEST_STORABLE_MS && ms <= LATEST_STORABLE_MS;
}
