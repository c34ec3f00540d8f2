import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' } as const;

/** Hubs, facilities, social organizations and their links, activities and bookings. */
export class CreateCivilTables1763800000000 implements MigrationInterface {
  name = 'CreateCivilTables1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'hub',
        columns: [
          id,
          { name: 'code', type: 'varchar', length: '32' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'district', type: 'varchar', length: '40' },
          { name: 'street', type: 'varchar', length: '40' },
          { name: 'address', type: 'varchar', length: '200' },
          { name: 'lat', type: 'double' },
          { name: 'lng', type: 'double' },
          { name: 'capacity', type: 'integer', isNullable: true },
          { name: 'floor_area_m2', type: 'double', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'uq_hub_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_hub_lat_lng', columnNames: ['lat', 'lng'] }),
          new TableIndex({ name: 'idx_hub_street', columnNames: ['street'] }),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'facility',
        columns: [
          id,
          { name: 'hub_id', type: 'integer' },
          { name: 'type', type: 'varchar', length: '20' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'floor', type: 'integer', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_facility_hub', columnNames: ['hub_id'] }),
          new TableIndex({ name: 'idx_facility_type_hub', columnNames: ['type', 'hub_id'] }),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'social_organization',
        columns: [id, { name: 'name', type: 'varchar', length: '100' }, { name: 'field', type: 'varchar', length: '40' }],
        indices: [new TableIndex({ name: 'uq_social_organization_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await db.createTable(
      new Table({
        name: 'hub_organization',
        columns: [
          { name: 'hub_id', type: 'integer', isPrimary: true },
          { name: 'organization_id', type: 'integer', isPrimary: true },
          { name: 'role', type: 'varchar', length: '16' },
        ],
        indices: [new TableIndex({ name: 'idx_hub_organization_org', columnNames: ['organization_id'] })],
      }),
    );
    await db.createTable(
      new Table({
        name: 'activity',
        columns: [
          id,
          { name: 'hub_id', type: 'integer' },
          { name: 'organization_id', type: 'integer', isNullable: true },
          { name: 'title', type: 'varchar', length: '120' },
          { name: 'category', type: 'varchar', length: '40' },
          { name: 'starts_at', type: 'datetime' },
          { name: 'ends_at', type: 'datetime' },
          { name: 'capacity', type: 'integer' },
          { name: 'booked', type: 'integer', default: 0 },
          { name: 'status', type: 'varchar', length: '16', default: "'SCHEDULED'" },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'idx_activity_hub_starts', columnNames: ['hub_id', 'starts_at'] }),
          new TableIndex({ name: 'idx_activity_starts', columnNames: ['starts_at'] }),
          new TableIndex({ name: 'idx_activity_updated', columnNames: ['updated_at', 'id'] }),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'booking',
        columns: [
          id,
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
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['booking', 'activity', 'hub_organization', 'social_organization', 'facility', 'hub']) {
      await db.dropTable(table);
    }
  }
}
