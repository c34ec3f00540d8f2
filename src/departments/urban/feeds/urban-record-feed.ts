import type { DataSource } from 'typeorm';
import { idRangesCondition } from '../../../core/data-sources/id-ranges';
import type { AppendFeed, AppendedRow } from '../../../core/departments/change-feed';
import { URBAN_RECORDS } from '../live/urban-metrics';
import { URBAN } from '../urban-source';
import { UrbanRecord } from '../records/urban-record.entity';

export const URBAN_RECORD_FEED = 'urban.urban_record';

function toRow(r: UrbanRecord): AppendedRow {
  return { id: r.id, hubId: r.hubId, at: r.recordedAt, values: { [URBAN_RECORDS]: r.quantity } };
}

const records = (source: DataSource) => source.getRepository(UrbanRecord).createQueryBuilder('r').select(['r.id', 'r.hubId', 'r.recordedAt', 'r.quantity']);

/** Records appended by the 城管局's system: the runner in src/live keeps the watermark, the gaps and the rollups. */
export const urbanRecordFeed: AppendFeed = {
  kind: 'append',
  name: URBAN_RECORD_FEED,
  source: URBAN,
  metrics: [URBAN_RECORDS],
  async readAfter(source, afterId, limit) {
    const rows = await records(source).where('r.id > :afterId', { afterId }).orderBy('r.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
  async readRanges(source, ranges, limit) {
    const { where, parameters } = idRangesCondition('r.id', ranges);
    const rows = await records(source).where(where, parameters).orderBy('r.id', 'ASC').limit(limit).getMany();
    return rows.map(toRow);
  },
};
