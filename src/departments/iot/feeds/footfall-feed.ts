import type { DataSource } from 'typeorm';
import type { AppendFeed, RollupRow } from '../../../core/departments/change-feed';
import { FootfallReading } from '../footfall/footfall-reading.entity';
import { IOT } from '../iot-source';

export const FOOTFALL_FEED = 'iot.footfall_reading';

function toRow(r: FootfallReading): RollupRow {
  return { id: r.id, hubId: r.hubId, at: r.at, entered: r.entered, exited: r.exited, meals: 0 };
}

const readings = (source: DataSource) => source.getRepository(FootfallReading).createQueryBuilder('r');

/** Door-counter readings, appended by the counters or `recordFootfall`. */
export const footfallFeed: AppendFeed = {
  kind: 'append',
  counts: ['entered', 'exited'],
  name: FOOTFALL_FEED,
  source: IOT,
  async readAfter(source, afterId, limit) {
    const rows = await readings(source).where('r.id > :afterId', { afterId }).orderBy('r.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
  async readIds(source, ids) {
    if (ids.length === 0) return [];
    const rows = await readings(source).where('r.id IN (:...ids)', { ids }).orderBy('r.id', 'ASC').getMany();
    return rows.map(toRow);
  },
};
