import type { DataSource } from 'typeorm';
import { idRangesCondition } from '../../../core/data-sources/id-ranges';
import type { AppendFeed, AppendedRow } from '../../../core/departments/change-feed';
import { {{NAME}}_RECORDS } from '../live/{{name}}-metrics';
import { {{NAME}} } from '../{{name}}-source';
import { {{Name}}Record } from '../records/{{name}}-record.entity';

export const {{NAME}}_RECORD_FEED = '{{name}}.{{name}}_record';

function toRow(r: {{Name}}Record): AppendedRow {
  return { id: r.id, hubId: r.hubId, at: r.recordedAt, values: { [{{NAME}}_RECORDS]: r.quantity } };
}

const records = (source: DataSource) => source.getRepository({{Name}}Record).createQueryBuilder('r').select(['r.id', 'r.hubId', 'r.recordedAt', 'r.quantity']);

/** Records appended by the {{title}}'s system: the runner in src/live keeps the watermark, the gaps and the rollups. */
export const {{name}}RecordFeed: AppendFeed = {
  kind: 'append',
  name: {{NAME}}_RECORD_FEED,
  source: {{NAME}},
  metrics: [{{NAME}}_RECORDS],
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
