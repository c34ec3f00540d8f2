/** Ids from `from` to `to`, both included. */
export interface IdRange {
  from: number;
  to: number;
}

/**
 * A WHERE condition matching ids in any of the ranges, for a query builder: one `BETWEEN` per
 * range, which both drivers read as range scans of the primary key.
 */
export function idRangesCondition(column: string, ranges: readonly IdRange[]): { where: string; parameters: Record<string, number> } {
  if (ranges.length === 0) return { where: '1 = 0', parameters: {} };
  const parameters: Record<string, number> = {};
  const terms = ranges.map((range, i) => {
    parameters[`rangeFrom${i}`] = range.from;
    parameters[`rangeTo${i}`] = range.to;
    return `${column} BETWEEN :rangeFrom${i} AND :rangeTo${i}`;
  });
  return { where: `(${terms.join(' OR ')})`, parameters };
}
