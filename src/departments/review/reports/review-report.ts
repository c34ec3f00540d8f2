import { localDateOf } from '../../../core/time/local-time';
import { ActivityGroup } from '../activity-group';
import { ColdBasis } from '../cold-basis';
import type { Measure } from '../measure';
import type { ReviewReader } from '../review-reader';
import type { ActivityStat, ColdHub, HubRank } from '../review-types';
import type { ReportRequest } from './report-request';

/** Everything a report shows, read before the first byte is sent (an error can still be a clean 400/503). */
export interface ReviewReport {
  title: string;
  /** 2026-11-01 – 2026-11-30 */
  periodLabel: string;
  /** What the ranking is by, e.g. 客流（人次） */
  measureLabel: string;
  ranking: HubRank[];
  coldHubs: ColdHub[];
  byOrganization: ActivityStat[];
  byCategory: ActivityStat[];
}

export async function readReviewReport(reader: ReviewReader, request: ReportRequest): Promise<ReviewReport> {
  const measure = reader.measure(request);
  const [ranking, coldHubs, byOrganization, byCategory] = await Promise.all([
    reader.ranking(request),
    reader.coldHubs({ ...request, threshold: 0.5, basis: ColdBasis.CAPACITY }),
    reader.activityStats({ ...request, groupBy: ActivityGroup.ORGANIZATION }),
    reader.activityStats({ ...request, groupBy: ActivityGroup.CATEGORY }),
  ]);
  const last = localDateOf(new Date(request.to.getTime() - 1));
  return {
    title: `民生综合体绩效考评${request.street ? ` · ${request.street}` : ''}`,
    periodLabel: `${localDateOf(request.from)} 至 ${last}`,
    measureLabel: measureLabel(measure),
    ranking,
    coldHubs,
    byOrganization,
    byCategory,
  };
}

/** What a ranking is by, as a header prints it: 客流（人次） */
export function measureLabel(measure: Measure): string {
  return `${measure.title}${measure.unit ? `（${measure.unit}）` : ''}`;
}

/** The file name a download is saved under: 绩效考评_2026-11-01_2026-11-30.xlsx */
export function reportFileName(request: ReportRequest, extension: string): string {
  return `绩效考评_${localDateOf(request.from)}_${localDateOf(new Date(request.to.getTime() - 1))}${request.street ? `_${request.street}` : ''}.${extension}`;
}
