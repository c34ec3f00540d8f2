import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A feed that cannot save its cursor says so in its cursor row, so that every instance (not only
 * the one running it) can show the incident.
 */
export class FeedCursorIncidents1764600000000 implements MigrationInterface {
  name = 'FeedCursorIncidents1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumns('feed_cursor', [
      new TableColumn({ name: 'last_error', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'failing_since', type: 'datetime', precision: 3, isNullable: true }),
    ]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('feed_cursor', 'failing_since');
    await db.dropColumn('feed_cursor', 'last_error');
  }
}
