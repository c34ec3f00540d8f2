import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** 城管局's bike-parking points at the metro exits. Written with TypeORM's Table API: the same migration runs on SQLite and MySQL. */
export class CreateUrbanTables1796214474815 implements MigrationInterface {
  name = 'CreateUrbanTables1796214474815';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'bike_parking_point',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'station', type: 'varchar', length: '40' },
          { name: 'exit_label', type: 'varchar', length: '8' },
          { name: 'lat', type: 'double' },
          { name: 'lng', type: 'double' },
          { name: 'spaces', type: 'integer' },
          { name: 'chargers', type: 'integer' },
          { name: 'occupied', type: 'integer' },
          // Milliseconds: two reports in one second must still be ordered for the feed's cursor.
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'idx_bike_parking_point_lat_lng', columnNames: ['lat', 'lng'] }),
          new TableIndex({ name: 'idx_bike_parking_point_updated', columnNames: ['updated_at', 'id'] }),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('bike_parking_point');
  }
}
