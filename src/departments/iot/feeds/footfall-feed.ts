import type { DataSource } from 'typeorm';
import { idRangesCondition } from '../../../core/data-sources/id-ranges';
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
  async readAfter(source, afterId, limit) {
    const rows = await readings(source).where('r.id > :afterId', { afterId }).orderBy('r.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
  async readRanges(source, ranges, limit) {
    const { where, parameters } = idRangesCondition('r.id', ranges);
    const rows = await readings(source).where(where, parameters).orderBy('r.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
};
