import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * In the hub's own source, when civil's is external: the bookings (the same table civil's own
 * migration makes) and the places taken of each activity.
 */
export class CreateHubKeptBookings1796300000000 implements MigrationInterface {
  name = 'CreateHubKeptBookings1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'booking',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'activity_id', type: 'integer' },
          { name: 'resident_ref', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'datetime' },
          { name: 'cancelled_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'uq_booking_activity_resident', columnNames: ['activity_id', 'resident_ref'], isUnique: true }),
          new TableIndex({ name: 'idx_booking_resident', columnNames: ['resident_ref'] }),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'activity_place',
        columns: [
          { name: 'activity_id', type: 'integer', isPrimary: true },
          { name: 'booked', type: 'integer', default: 0 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('activity_place');
    await db.dropTable('booking');
  }
}
