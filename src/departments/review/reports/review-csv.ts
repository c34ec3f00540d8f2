import type { HubRank } from '../review-types';
import { rankingColumns } from './ranking-columns';

/** Excel reads a CSV without a byte-order mark as GBK: the BOM makes it read UTF-8. */
const BOM = '\uFEFF';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The ranking as CSV: UTF-8 with a BOM, CRLF lines, Chinese headers. */
export function rankingCsv(ranking: readonly HubRank[], measure: string): string {
  const columns = rankingColumns(measure);
  const lines = [columns.map((c) => field(c.header)).join(','), ...ranking.map((row) => columns.map((c) => field(c.value(row))).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
