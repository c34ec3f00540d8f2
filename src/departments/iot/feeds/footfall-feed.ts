import type { DataSource } from 'typeorm';
import { idRangesCondition } from '../../../core/data-sources/id-ranges';
import { columnsOf, plainSelect } from '../../../core/data-sources/plain-select';
import type { AppendFeed, AppendedRow } from '../../../core/departments/change-feed';
import { FootfallReading } from '../footfall/footfall-reading.entity';
import { IOT } from '../iot-source';
import { EXITS, FOOTFALL } from '../live/iot-metrics';

export const FOOTFALL_FEED = 'iot.footfall_reading';

function toRow(r: FootfallReading): AppendedRow {
  return { id: r.id, hubId: r.hubId, at: r.at, values: { [FOOTFALL]: r.entered, [EXITS]: r.exited } };
}

const readings = (source: DataSource) => source.getRepository(FootfallReading).createQueryBuilder('r');

/** Door-counter readings, appended by the counters or `recordFootfall`. */
export const footfallFeed: AppendFeed = {
  kind: 'append',
  metrics: [FOOTFALL, EXITS],
  name: FOOTFALL_FEED,
  source: IOT,
  // Every pass reads here (500 rows a second at city scale): a plain select, not the query builder's hydration (profiled).
  async readAfter(source, afterId, limit) {
    const rows = await plainSelect(source, FootfallReading, `SELECT ${columnsOf(source, FootfallReading, 'r')} FROM footfall_reading r WHERE r.id > ? ORDER BY r.id LIMIT ?`, [afterId, limit]);
    return rows.map(({ entity }) => toRow(entity));
  },
  // Only the open gaps' ids, re-read while their grace period runs.
  async readRanges(source, ranges, limit) {
    const { where, parameters } = idRangesCondition('r.id', ranges);
    const rows = await readings(source).where(where, parameters).orderBy('r.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
};
