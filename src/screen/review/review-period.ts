/** Periods the page offers, as Asia/Shanghai dates (`YYYY-MM-DD`, the end excluded). */
const OFFSET_MS = 8 * 3_600_000;

export interface PagePeriod {
  from: string;
  to: string;
}

function localToday(now: Date): { year: number; month: number; day: number } {
  const local = new Date(now.getTime() + OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate() };
}

const date = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

export const PRESETS: { id: string; label: string; period(now: Date): PagePeriod }[] = [
  { id: 'lastMonth', label: '上月', period: (now) => { const t = localToday(now); return { from: date(t.year, t.month - 1), to: date(t.year, t.month) }; } },
  { id: 'thisMonth', label: '本月', period: (now) => { const t = localToday(now); return { from: date(t.year, t.month), to: date(t.year, t.month + 1) }; } },
  { id: 'lastQuarter', label: '上季度', period: (now) => { const t = localToday(now); const q = Math.floor(t.month / 3) * 3; return { from: date(t.year, q - 3), to: date(t.year, q) }; } },
  { id: 'last30', label: '近 30 天', period: (now) => { const t = localToday(now); return { from: date(t.year, t.month, t.day - 30), to: date(t.year, t.month, t.day) }; } },
  { id: 'lastYear', label: '去年', period: (now) => { const t = localToday(now); return { from: date(t.year - 1, 0), to: date(t.year, 0) }; } },
];

/** A local date's midnight as the API takes it. */
export function midnightOf(localDate: string): string {
  return `${localDate}T00:00:00+08:00`;
}
