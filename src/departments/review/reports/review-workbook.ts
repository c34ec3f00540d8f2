import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { FACILITY_TYPE_NAME } from './facility-type-names';
import { rankingColumns } from './ranking-columns';
import type { ReviewReport } from './review-report';

type Sheet = ExcelJS.Worksheet;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const UP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } };
const DOWN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } };

interface Column {
  header: string;
  width: number;
  format?: string;
}

/** A sheet whose first row is its header, frozen, with its columns' widths and number formats. */
function sheetOf(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[]): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
  header.commit();
  return sheet;
}

const column = (letter: number) => String.fromCharCode(65 + letter);

function dataBar(sheet: Sheet, col: number, rows: number, argb: string): void {
  if (rows === 0) return;
  const ref = `${column(col)}2:${column(col)}${rows + 1}`;
  sheet.addConditionalFormatting({ ref, rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb } } as ExcelJS.DataBarRuleType] });
}

function changeColours(sheet: Sheet, col: number, rows: number): void {
  if (rows === 0) return;
  const ref = `${column(col)}2:${column(col)}${rows + 1}`;
  sheet.addConditionalFormatting({
    ref,
    rules: [
      { type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: 2, style: { fill: UP_FILL, font: { color: { argb: 'FF006100' } } } },
      { type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 3, style: { fill: DOWN_FILL, font: { color: { argb: 'FF9C0006' } } } },
    ],
  });
}

/**
 * Streams the review as a workbook (exceljs' streaming writer: rows are committed and leave
 * memory as they are written): the ranking, the cold hubs with their facilities, and the
 * activity statistics per social organization and per category.
 */
export async function writeReviewWorkbook(report: ReviewReport, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '幸福荟';
  workbook.title = `${report.title} ${report.periodLabel}`;

  const ranking = rankingColumns(report.measureLabel);
  const rankSheet = sheetOf(workbook, '排名', ranking);
  for (const row of report.ranking) rankSheet.addRow(ranking.map((c) => c.value(row))).commit();
  dataBar(rankSheet, 4, report.ranking.length, 'FF5B9BD5');
  changeColours(rankSheet, 6, report.ranking.length);
  changeColours(rankSheet, 7, report.ranking.length);
  rankSheet.commit();

  const coldColumns: Column[] = [
    { header: '综合体', width: 32 },
    { header: '街道', width: 12 },
    { header: '客流（人次）', width: 12, format: '#,##0' },
    { header: '每容量位客流', width: 14, format: '0.00' },
    { header: '区中位数', width: 12, format: '0.00' },
    { header: '占中位数', width: 10, format: '0.0%' },
    { header: '规则', width: 36 },
    { header: '场所', width: 20 },
    { header: '场所类型', width: 12 },
    { header: '场所客流', width: 10, format: '#,##0' },
    { header: '活动场次', width: 10, format: '0' },
    { header: '提供名额', width: 10, format: '#,##0' },
    { header: '已预约', width: 10, format: '#,##0' },
    { header: '满员率', width: 10, format: '0.0%' },
  ];
  const coldSheet = sheetOf(workbook, '冷点综合体', coldColumns);
  let coldRows = 0;
  for (const cold of report.coldHubs) {
    const hub = [cold.hub.name, cold.hub.street, cold.footfall, cold.footfallPerUnit, cold.districtMedian, cold.shareOfMedian, cold.rule];
    const facilities = cold.facilities.length > 0 ? cold.facilities : [null];
    for (const use of facilities) {
      const facility = use ? [use.facility.name, FACILITY_TYPE_NAME[use.facility.type] ?? use.facility.type, use.footfall, use.activitiesHeld, use.placesOffered, use.booked, use.fillRate] : [];
      coldSheet.addRow([...hub, ...facility]).commit();
      coldRows++;
    }
  }
  dataBar(coldSheet, 5, coldRows, 'FFF4B183');
  dataBar(coldSheet, 13, coldRows, 'FF70AD47');
  coldSheet.commit();

  const statColumns = (what: string): Column[] => [
    { header: what, width: 32 },
    { header: '举办场次', width: 10, format: '#,##0' },
    { header: '取消场次', width: 10, format: '#,##0' },
    { header: '提供名额', width: 10, format: '#,##0' },
    { header: '已预约', width: 10, format: '#,##0' },
    { header: '满员率', width: 10, format: '0.0%' },
  ];
  for (const [name, what, stats] of [
    ['活动统计（社会组织）', '社会组织', report.byOrganization],
    ['活动统计（类别）', '活动类别', report.byCategory],
  ] as const) {
    const sheet = sheetOf(workbook, name, statColumns(what));
    for (const s of stats) sheet.addRow([s.name, s.held, s.cancelled, s.placesOffered, s.booked, s.fillRate]).commit();
    dataBar(sheet, 5, stats.length, 'FF70AD47');
    sheet.commit();
  }
  await workbook.commit();
}
