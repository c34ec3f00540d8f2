import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The hub's own tables: API clients, audit log, feed cursors, metric rollups. */
export class CreateHubTables1763800000000 implements MigrationInterface {
  name = 'CreateHubTables1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'api_client',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'department', type: 'varchar', length: '40', isNullable: true },
          { name: 'hub_id', type: 'integer', isNullable: true },
          { name: 'key_prefix', type: 'varchar', length: '16' },
          { name: 'key_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime' },
          { name: 'last_used_at', type: 'datetime', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'uq_api_client_key_prefix', columnNames: ['key_prefix'], isUnique: true })],
      }),
    );
    await db.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'client_id', type: 'integer', isNullable: true },
          { name: 'actor', type: 'varchar', length: '120' },
          { name: 'action', type: 'varchar', length: '60' },
          { name: 'resident_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'detail', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_audit_entry_at', columnNames: ['at'] })],
      }),
    );
    await db.createTable(
      new Table({
        name: 'feed_cursor',
        columns: [
          { name: 'feed', type: 'varchar', length: '80', isPrimary: true },
          { name: 'watermark', type: 'integer', default: 0 },
          { name: 'cursor_time', type: 'datetime', precision: 3, isNullable: true },
          { name: 'open_gaps', type: 'text', isNullable: true },
          { name: 'version', type: 'integer', default: 0 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'metric_rollup',
        columns: [
          { name: 'hub_id', type: 'integer', isPrimary: true },
          { name: 'bucket_start', type: 'datetime', isPrimary: true },
          { name: 'entered', type: 'integer', default: 0 },
          { name: 'exited', type: 'integer', default: 0 },
          { name: 'meals', type: 'integer', default: 0 },
        ],
        indices: [new TableIndex({ name: 'idx_metric_rollup_bucket', columnNames: ['bucket_start'] })],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['metric_rollup', 'feed_cursor', 'audit_entry', 'api_client']) await db.dropTable(table);
  }
}
