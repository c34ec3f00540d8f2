import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Month rows beside the day rows (Asia/Shanghai calendar months): a review over a year reads
 * twelve rows a hub instead of 365. Written by the retention job when a month's last day is
 * rolled. Existing day rows are not rolled here: a month without its row is read from its days.
 */
export class RollupMonthTier1796500000000 implements MigrationInterface {
  name = 'RollupMonthTier1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'metric_rollup_month',
        columns: [
          { name: 'hub_id', type: 'integer', isPrimary: true },
          { name: 'metric', type: 'varchar', length: '40', isPrimary: true },
          { name: 'bucket_start', type: 'datetime', isPrimary: true },
          { name: 'value', type: 'double' },
          { name: 'samples', type: 'integer' },
        ],
        indices: [{ name: 'idx_metric_rollup_month_metric_bucket', columnNames: ['metric', 'bucket_start', 'hub_id', 'value', 'samples'] }],
      }),
    );
    await db.addColumn('rollup_tier_state', new TableColumn({ name: 'months_until', type: 'datetime', isNullable: true }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('rollup_tier_state', 'months_until');
    await db.dropTable('metric_rollup_month');
  }
}
