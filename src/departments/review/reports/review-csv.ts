import type { HubRank } from '../review-types';
import { rankingColumns } from './ranking-columns';

/** Excel reads a CSV without a byte-order mark as GBK: the BOM makes it read UTF-8. */
const BOM = '\uFEFF';
// A field with a quote, a comma or a line break is quoted, its quotes doubled (RFC 4180).
const NEEDS_QUOTES = /[\x22,\r\n]/;
const QUOTE = /\x22/g;
const DOUBLED = '\x22\x22';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `\x22${text.replace(QUOTE, DOUBLED)}\x22` : text;
}

/** The ranking as CSV: UTF-8 with a BOM, CRLF lines, Chinese headers. */
export function rankingCsv(ranking: readonly HubRank[], measure: string): string {
  const columns = rankingColumns(measure);
  const lines = [columns.map((c) => field(c.header)).join(','), ...ranking.map((row) => columns.map((c) => field(c.value(row))).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
