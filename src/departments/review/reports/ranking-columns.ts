import type { HubRank } from '../review-types';

/** A column of the ranking, as both the CSV and the workbook print it. */
export interface RankingColumn {
  header: string;
  value(row: HubRank): string | number | null;
  /** Excel number format. */
  format?: string;
  width: number;
}

/** The ranking's columns; `measure` is what it is by, e.g. 客流（人次）. */
export function rankingColumns(measure: string): RankingColumn[] {
  return [
    { header: '排名', value: (r) => r.rank, format: '0', width: 8 },
    { header: '综合体', value: (r) => r.hub.name, width: 32 },
    { header: '编码', value: (r) => r.hub.code, width: 14 },
    { header: '街道', value: (r) => r.hub.street, width: 12 },
    { header: `本期${measure}`, value: (r) => r.exactValue, format: '#,##0.##', width: 16 },
    { header: '上期', value: (r) => r.previousValue, format: '#,##0.##', width: 14 },
    { header: '变化', value: (r) => r.change, format: '+#,##0.##;-#,##0.##;0', width: 12 },
    { header: '变化率', value: (r) => r.changeShare, format: '+0.0%;-0.0%;0.0%', width: 10 },
    { header: '区内排名', value: (r) => r.districtRank, format: '0', width: 10 },
    { header: '街道内排名', value: (r) => r.streetRank, format: '0', width: 10 },
  ];
}
