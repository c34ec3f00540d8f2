import { BadUserInputError } from '../../../core/errors/hub-errors';
import { RankBy } from '../rank-by';

/** What a report is asked for, from its query string (never a key: that travels in Authorization). */
export interface ReportRequest {
  from: Date;
  to: Date;
  street: string | null;
  by: RankBy | null;
  metric: string | null;
}

function dateOf(url: URL, name: string): Date {
  const text = url.searchParams.get(name);
  if (!text) throw new BadUserInputError(`${name} is required: an Asia/Shanghai midnight, e.g. 2026-11-01T00:00:00+08:00`, name);
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new BadUserInputError(`${name}: "${text}" is not a date-time`, name);
  return at;
}

export function readReportRequest(url: URL): ReportRequest {
  const by = url.searchParams.get('by');
  const metric = url.searchParams.get('metric');
  if (by !== null && !(by in RankBy)) throw new BadUserInputError(`by: "${by}" is not one of ${Object.keys(RankBy).join(', ')}`, 'by');
  const street = url.searchParams.get('street');
  if (street !== null && street.length > 40) throw new BadUserInputError('street: at most 40 characters', 'street');
  return { from: dateOf(url, 'from'), to: dateOf(url, 'to'), street: street || null, by: by === null && metric === null ? RankBy.FOOTFALL : (by as RankBy | null), metric };
}
