import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { DAY_MS, startOfLocalDay } from './shanghai-time';

/** The day today's curve is set against, and how the legend names it. */
export interface CompareDay {
  /** The instant that day began (local midnight). */
  start: number;
  /** 昨日, 上个工作日, 上个休息日 */
  label: string;
  /** `12月2日` */
  date: string;
}

/** How far back the same kind of day is looked for (a long holiday is at most 8 days; the demo seed writes 14). */
const LOOK_BACK_DAYS = 14;
const OFFSET_MS = 8 * 3_600_000;

function localDate(at: number): string {
  return new Date(at + OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether chinese-days has the year's holidays and 调休 (every year it knows has its Spring Festival). */
function calendarKnows(year: string): boolean {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

/**
 * The last day of the same kind as today, workday or rest day, with the State Council's
 * holidays and make-up workdays (调休) from chinese-days: a Monday after a weekend is set
 * against Friday, a make-up Saturday against the last workday. Where the calendar has no entry
 * (a year it does not know yet) it is yesterday, and the legend says 昨日.
 */
export function compareDayOf(now: number): CompareDay {
  const today = startOfLocalDay(now);
  const yesterday = { start: today - DAY_MS, label: '昨日', date: monthDay(today - DAY_MS) };
  const todayDate = localDate(today);
  if (!calendarKnows(todayDate.slice(0, 4))) return yesterday;
  const working = isWorkday(todayDate);
  for (let back = 1; back <= LOOK_BACK_DAYS; back++) {
    const day = today - back * DAY_MS;
    const date = localDate(day);
    if (!calendarKnows(date.slice(0, 4))) return yesterday;
    if (isWorkday(date) !== working) continue;
    return { start: day, label: back === 1 ? '昨日' : working ? '上个工作日' : '上个休息日', date: monthDay(day) };
  }
  return yesterday;
}

function monthDay(at: number): string {
  const local = new Date(at + OFFSET_MS);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}
