import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { serialTransaction } from '../data-sources/serial-transaction';

/**
 * Inserts many rows in multi-row INSERTs. SQLite allows at most 32766 bound parameters per
 * statement, so the batch size follows the row width.
 */
export async function insertInBatches<T extends ObjectLiteral>(
  source: DataSource,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
  onBatch?: (done: number) => void,
): Promise<void> {
  if (rows.length === 0) return;
  const width = Math.max(1, Object.keys(rows[0]).length);
  const batch = Math.max(1, Math.min(1000, Math.floor(30000 / width)));
  await serialTransaction(source, async (manager) => {
    for (let i = 0; i < rows.length; i += batch) {
      await manager.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + batch)).updateEntity(false).execute();
      onBatch?.(Math.min(rows.length, i + batch));
    }
  });
}
