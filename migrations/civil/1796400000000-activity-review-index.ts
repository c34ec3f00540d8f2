import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const COLUMNS = ['starts_at', 'status', 'hub_id', 'organization_id', 'facility_id', 'category', 'capacity', 'booked'];

/** The review groups activities by hub, organization, facility or category: one index covers them all, so a year of them is read from it alone. */
export class ActivityReviewIndex1796400000000 implements MigrationInterface {
  name = 'ActivityReviewIndex1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.dropIndex('activity', 'idx_activity_review');
    await db.createIndex('activity', new TableIndex({ name: 'idx_activity_review_groups', columnNames: COLUMNS }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('activity', 'idx_activity_review_groups');
    await db.createIndex('activity', new TableIndex({ name: 'idx_activity_review', columnNames: ['starts_at', 'hub_id', 'status', 'capacity', 'booked'] }));
  }
}
