import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The retention job purges hour rows by time alone: an index on it, so that a purge reads only what it deletes. */
export class RollupTierBucketIndex1796400000000 implements MigrationInterface {
  name = 'RollupTierBucketIndex1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createIndex('metric_rollup_hour', new TableIndex({ name: 'idx_metric_rollup_hour_bucket', columnNames: ['bucket_start'] }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('metric_rollup_hour', 'idx_metric_rollup_hour_bucket');
  }
}
