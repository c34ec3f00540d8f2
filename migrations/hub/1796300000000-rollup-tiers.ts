import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const tier = (name: string) =>
  new Table({
    name,
    columns: [
      { name: 'hub_id', type: 'integer', isPrimary: true },
      { name: 'metric', type: 'varchar', length: '40', isPrimary: true },
      { name: 'bucket_start', type: 'datetime', isPrimary: true },
      { name: 'value', type: 'double' },
      { name: 'samples', type: 'integer' },
    ],
    indices: [{ name: `idx_${name}_metric_bucket`, columnNames: ['metric', 'bucket_start', 'hub_id', 'value', 'samples'] }],
  });

/**
 * Rollups in tiers (docs/review.md): hours and Asia/Shanghai days beside the 5-minute buckets,
 * each holding the sum of the 5-minute values it covers and how many there were. One row says
 * up to where the 5-minute buckets have been rolled into them. Existing 5-minute rows are not
 * rolled here: the retention job does it at its first run, as it does every day.
 */
export class RollupTiers1796300000000 implements MigrationInterface {
  name = 'RollupTiers1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(tier('metric_rollup_hour'));
    await db.createTable(tier('metric_rollup_day'));
    await db.createTable(
      new Table({
        name: 'rollup_tier_state',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'rolled_until', type: 'datetime', isNullable: true },
          { name: 'purged_before', type: 'datetime', isNullable: true },
        ],
      }),
    );
    await db.query('INSERT INTO rollup_tier_state (id, rolled_until, purged_before) VALUES (1, NULL, NULL)');
    // The job and the purge look 5-minute rows up by time alone.
    await db.createIndex('metric_rollup', new TableIndex({ name: 'idx_metric_rollup_bucket', columnNames: ['bucket_start'] }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('metric_rollup', 'idx_metric_rollup_bucket');
    await db.dropTable('rollup_tier_state');
    await db.dropTable('metric_rollup_day');
    await db.dropTable('metric_rollup_hour');
  }
}
