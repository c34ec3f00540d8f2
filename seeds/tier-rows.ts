import type { DataSource } from 'typeorm';
import { serialTransaction } from '../src/core/data-sources/serial-transaction';
import { storedDate } from '../src/live/feeds/rollup-tier-sql';

/** One row of a rollup tier (hour, day, month), as the seeds write them. */
export interface TierRow {
  hubId: number;
  metric: string;
  at: Date;
  value: number;
  samples: number;
}

/** 6,000 rows of 5 values: under SQLite's 32,766 parameters a statement. */
const ROWS_PER_STATEMENT = 6_000;

/** Multi-row INSERTs into a tier table, in one transaction; each instant converted to the driver's form once. */
export async function insertTierRows(hub: DataSource, table: string, rows: readonly TierRow[]): Promise<void> {
  const stored = new Map<number, unknown>();
  const storedAt = (at: Date) => {
    if (!stored.has(at.getTime())) stored.set(at.getTime(), storedDate(hub, at));
    return stored.get(at.getTime());
  };
  await serialTransaction(hub, async (manager) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      const params = chunk.flatMap((r) => [r.hubId, r.metric, storedAt(r.at), r.value, r.samples]);
      await manager.query(`INSERT INTO ${table} (hub_id, metric, bucket_start, value, samples) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, params);
    }
  });
}
