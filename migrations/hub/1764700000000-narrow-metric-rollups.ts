import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The wide rollup columns of the first schema, and the metrics they become. */
const COLUMNS: [column: string, metric: string][] = [
  ['entered', 'footfall'],
  ['exited', 'exits'],
  ['meals', 'meals'],
];

/**
 * Rollups become narrow, one row per (hub, metric, bucket), so that a department can declare a
 * metric without a column here. Every existing row is moved over; zeros are left out.
 */
export class NarrowMetricRollups1764700000000 implements MigrationInterface {
  name = 'NarrowMetricRollups1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'metric_rollup_narrow',
        columns: [
          { name: 'hub_id', type: 'integer', isPrimary: true },
          { name: 'metric', type: 'varchar', length: '40', isPrimary: true },
          { name: 'bucket_start', type: 'datetime', isPrimary: true },
          { name: 'value', type: 'double' },
        ],
      }),
    );
    for (const [column, metric] of COLUMNS) {
      await db.query(`INSERT INTO metric_rollup_narrow (hub_id, metric, bucket_start, value) SELECT hub_id, ?, bucket_start, ${column} FROM metric_rollup WHERE ${column} <> 0`, [metric]);
    }
    await db.dropTable('metric_rollup');
    await db.renameTable('metric_rollup_narrow', 'metric_rollup');
    await db.createIndex('metric_rollup', new TableIndex({ name: 'idx_metric_rollup_metric_bucket', columnNames: ['metric', 'bucket_start'] }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'metric_rollup_wide',
        columns: [
          { name: 'hub_id', type: 'integer', isPrimary: true },
          { name: 'bucket_start', type: 'datetime', isPrimary: true },
          ...COLUMNS.map(([column]) => ({ name: column, type: 'integer', default: 0 })),
        ],
      }),
    );
    const sums = COLUMNS.map(([column, metric]) => `SUM(CASE WHEN metric = '${metric}' THEN value ELSE 0 END)`).join(', ');
    const metrics = COLUMNS.map(([, metric]) => `'${metric}'`).join(', ');
    await db.query(
      `INSERT INTO metric_rollup_wide (hub_id, bucket_start, ${COLUMNS.map(([c]) => c).join(', ')}) SELECT hub_id, bucket_start, ${sums} FROM metric_rollup WHERE metric IN (${metrics}) GROUP BY hub_id, bucket_start`,
    );
    await db.dropTable('metric_rollup');
    await db.renameTable('metric_rollup_wide', 'metric_rollup');
    await db.createIndex('metric_rollup', new TableIndex({ name: 'idx_metric_rollup_bucket', columnNames: ['bucket_start'] }));
  }
}
