import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Door sensors and their footfall readings. */
export class CreateIotTables1763800000000 implements MigrationInterface {
  name = 'CreateIotTables1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'door_sensor',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'hub_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '40' },
          { name: 'position', type: 'varchar', length: '40' },
          { name: 'installed_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'uq_door_sensor_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_door_sensor_hub', columnNames: ['hub_id'] }),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'footfall_reading',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'sensor_id', type: 'integer' },
          { name: 'hub_id', type: 'integer' },
          { name: 'at', type: 'datetime' },
          { name: 'entered', type: 'integer' },
          { name: 'exited', type: 'integer' },
        ],
        indices: [
          new TableIndex({ name: 'uq_footfall_reading_sensor_at', columnNames: ['sensor_id', 'at'], isUnique: true }),
          new TableIndex({ name: 'idx_footfall_reading_hub_at', columnNames: ['hub_id', 'at'] }),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('footfall_reading');
    await db.dropTable('door_sensor');
  }
}
