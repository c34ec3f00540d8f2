import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The {{title}}'s records. Written with TypeORM's Table API: the same migration runs on SQLite and MySQL. */
export class Create{{Name}}Tables{{timestamp}} implements MigrationInterface {
  name = 'Create{{Name}}Tables{{timestamp}}';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: '{{name}}_record',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'hub_id', type: 'integer' },
          { name: 'recorded_at', type: 'datetime' },
          { name: 'quantity', type: 'integer' },
          { name: 'note', type: 'varchar', length: '120' },
        ],
        indices: [new TableIndex({ name: 'idx_{{name}}_record_hub_recorded', columnNames: ['hub_id', 'recorded_at'] })],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('{{name}}_record');
  }
}
