import { BadUserInputError } from '../../core/errors/hub-errors';
import { localDateOf, startOfLocalDate, startOfLocalDay } from '../../core/time/local-time';

export interface ReviewPeriod {
  from: Date;
  to: Date;
}

/** A review's period and the one it is compared with. */
export interface ComparedPeriods {
  current: ReviewPeriod;
  previous: ReviewPeriod;
  /** True when the period is whole calendar months (the previous is then as many months before). */
  months: number | null;
}

function checkMidnight(at: Date, argument: string): void {
  if (startOfLocalDay(at).getTime() !== at.getTime()) {
    throw new BadUserInputError(`${argument}: ${at.toISOString()} is not a midnight in Asia/Shanghai (e.g. ${localDateOf(at)}T00:00:00+08:00)`, argument);
  }
}

/** `YYYY-MM-DD` of a local date, `months` months later (day 1 only). */
function shiftMonth(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1 + months, 1));
  return shifted.toISOString().slice(0, 10);
}

/**
 * The period asked for, checked, and the previous one: of equal length just before, or, for
 * whole calendar months, the same number of calendar months before (October against September,
 * a quarter against the quarter before).
 */
export function comparedPeriods(from: Date, to: Date): ComparedPeriods {
  checkMidnight(from, 'from');
  checkMidnight(to, 'to');
  if (to.getTime() <= from.getTime()) throw new BadUserInputError('to must be after from', 'to');
  const fromDate = localDateOf(from);
  const toDate = localDateOf(to);
  if (fromDate.endsWith('-01') && toDate.endsWith('-01')) {
    const [fy, fm] = fromDate.split('-').map(Number);
    const [ty, tm] = toDate.split('-').map(Number);
    const months = (ty - fy) * 12 + (tm - fm);
    return { current: { from, to }, previous: { from: startOfLocalDate(shiftMonth(fromDate, -months)), to: from }, months };
  }
  return { current: { from, to }, previous: { from: new Date(2 * from.getTime() - to.getTime()), to: from }, months: null };
}
