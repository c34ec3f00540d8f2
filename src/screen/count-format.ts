/** Counts as a wall shows them: 12,345 (digits grouped as in zh-CN). */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('zh-CN');
}
