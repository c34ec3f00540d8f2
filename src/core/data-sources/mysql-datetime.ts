/** What mysql2 hands a `typeCast` function: the field's type, its text, and its own conversion. */
interface CastField {
  type: string;
  string(): string | null;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/;

/**
 * A MySQL DATETIME, stored in UTC, as an instant. mysql2 reads a year below 100 through
 * `new Date(string)`, which takes `0001-01-01 00:00:00Z` for 2001: a row a department dated in
 * year 1 would land in 2001's rollups. Zero and impossible dates are invalid dates, as in mysql2.
 */
export function parseUtcDatetime(text: string): Date {
  const m = DATETIME.exec(text);
  if (!m) return new Date(NaN);
  const [year, month, day, hours = 0, minutes = 0, seconds = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31) return new Date(NaN);
  const at = new Date(Date.UTC(2000, 0, 1, hours, minutes, seconds, Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000)));
  // Set apart from Date.UTC, which would take years 0–99 for 1900–1999.
  at.setUTCFullYear(year, month - 1, day);
  return at;
}

/** mysql2's `typeCast`: DATETIME and TIMESTAMP through `parseUtcDatetime`, everything else as mysql2 reads it. */
export function castUtcDatetimes(field: CastField, next: () => unknown): unknown {
  if (field.type !== 'DATETIME' && field.type !== 'TIMESTAMP') return next();
  const text = field.string();
  return text === null ? null : parseUtcDatetime(text);
}

/**
 * The `typeCast` of a source whose date-times are stored at `offsetMinutes` east of UTC (an
 * external source's `<NAME>_DB_TIMEZONE`, e.g. a vendor's local +08:00): the wall time read back
 * to the instant it names. Parameters go the other way through mysql2's own `timezone` option.
 */
export function castDatetimesAt(offsetMinutes: number): (field: CastField, next: () => unknown) => unknown {
  if (offsetMinutes === 0) return castUtcDatetimes;
  return (field, next) => {
    const value = castUtcDatetimes(field, next);
    return value instanceof Date && (field.type === 'DATETIME' || field.type === 'TIMESTAMP') ? new Date(value.getTime() - offsetMinutes * 60_000) : value;
  };
}
