import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A door sensor may stand at a facility's own door (a city study with its own entrance): its readings are that facility's footfall. */
export class DoorSensorFacility1796300000000 implements MigrationInterface {
  name = 'DoorSensorFacility1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn('door_sensor', new TableColumn({ name: 'facility_id', type: 'integer', isNullable: true }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('door_sensor', 'facility_id');
  }
}
