import { isWorkday } from 'chinese-days';
import { compareDayOf } from '../../src/screen/compare-day';

/** Noon, Asia/Shanghai, of a local date. */
const noonOf = (date: string) => Date.parse(`${date}T12:00:00+08:00`);
const midnightOf = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

describe('the day today’s curve is set against (chinese-days)', () => {
  it('is yesterday when yesterday was the same kind of day', () => {
    expect(compareDayOf(noonOf('2026-12-03'))).toEqual({ start: midnightOf('2026-12-02'), label: '昨日', date: '12月2日' });
  });

  it('is the Friday before for a Monday, the last weekend day for a Saturday', () => {
    expect(compareDayOf(noonOf('2026-12-07'))).toEqual({ start: midnightOf('2026-12-04'), label: '上个工作日', date: '12月4日' });
    expect(compareDayOf(noonOf('2026-12-05'))).toEqual({ start: midnightOf('2026-11-29'), label: '上个休息日', date: '11月29日' });
  });

  it('follows the holidays and make-up workdays (调休) of the calendar', () => {
    // National Day 2026: 1–7 October off; Sunday 20 September and Saturday 10 October worked instead.
    expect(['2026-09-20', '2026-10-10'].map(isWorkday)).toEqual([true, true]);
    expect(isWorkday('2026-10-07')).toBe(false);
    // The first workday after the holiday is set against the last one before it.
    expect(compareDayOf(noonOf('2026-10-08'))).toEqual({ start: midnightOf('2026-09-30'), label: '上个工作日', date: '9月30日' });
    // A Sunday worked is set against the Friday before (the Saturday was off), not against a Sunday.
    expect(compareDayOf(noonOf('2026-09-20'))).toEqual({ start: midnightOf('2026-09-18'), label: '上个工作日', date: '9月18日' });
    // A holiday against the last rest day: the day before it.
    expect(compareDayOf(noonOf('2026-10-03')).label).toBe('昨日');
  });

  it('falls back to yesterday in a year the calendar has no entry for', () => {
    expect(compareDayOf(noonOf('2031-06-03'))).toEqual({ start: midnightOf('2031-06-02'), label: '昨日', date: '6月2日' });
  });
});
