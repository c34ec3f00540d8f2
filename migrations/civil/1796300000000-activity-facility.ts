import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An activity may name the facility (room) it uses, so that the bureau's review can say which
 * areas of a hub are cold. The covering index serves the review's statistics over long periods
 * without reading the rows themselves.
 */
export class ActivityFacility1796300000000 implements MigrationInterface {
  name = 'ActivityFacility1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn('activity', new TableColumn({ name: 'facility_id', type: 'integer', isNullable: true }));
    await db.createIndex('activity', new TableIndex({ name: 'idx_activity_facility', columnNames: ['facility_id'] }));
    await db.createIndex('activity', new TableIndex({ name: 'idx_activity_review', columnNames: ['starts_at', 'hub_id', 'status', 'capacity', 'booked'] }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('activity', 'idx_activity_review');
    await db.dropIndex('activity', 'idx_activity_facility');
    await db.dropColumn('activity', 'facility_id');
  }
}
