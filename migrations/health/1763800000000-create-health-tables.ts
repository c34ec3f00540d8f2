import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Residents' health flags (pseudonymous), dishes and menus, canteen meals. */
export class CreateHealthTables1763800000000 implements MigrationInterface {
  name = 'CreateHealthTables1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'resident_health_flag',
        columns: [
          { name: 'resident_ref', type: 'varchar', length: '64', isPrimary: true },
          { name: 'flag', type: 'varchar', length: '20', isPrimary: true },
          { name: 'recorded_at', type: 'datetime' },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'dish',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '60' },
          { name: 'category', type: 'varchar', length: '20' },
          { name: 'sodium_mg', type: 'integer' },
          { name: 'sugar_g', type: 'double' },
          { name: 'fat_g', type: 'double' },
          { name: 'kcal', type: 'integer' },
        ],
        indices: [new TableIndex({ name: 'uq_dish_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await db.createTable(
      new Table({
        name: 'canteen_menu_item',
        columns: [
          { name: 'hub_id', type: 'integer', isPrimary: true },
          { name: 'served_on', type: 'varchar', length: '10', isPrimary: true },
          { name: 'dish_id', type: 'integer', isPrimary: true },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'canteen_meal',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'hub_id', type: 'integer' },
          { name: 'resident_ref', type: 'varchar', length: '64' },
          { name: 'served_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'idx_canteen_meal_hub_served', columnNames: ['hub_id', 'served_at'] })],
      }),
    );
    await db.createTable(
      new Table({
        name: 'canteen_meal_dish',
        columns: [
          { name: 'meal_id', type: 'integer', isPrimary: true },
          { name: 'dish_id', type: 'integer', isPrimary: true },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['canteen_meal_dish', 'canteen_meal', 'canteen_menu_item', 'dish', 'resident_health_flag']) {
      await db.dropTable(table);
    }
  }
}
