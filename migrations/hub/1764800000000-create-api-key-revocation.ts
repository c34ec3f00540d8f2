import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * One row per revoked API key, in order: every instance reads the rows past the last it saw,
 * about once a second, and closes those keys' open sockets — whoever revoked them (the
 * command line, another instance), with Redis or without.
 */
export class CreateApiKeyRevocation1764800000000 implements MigrationInterface {
  name = 'CreateApiKeyRevocation1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'api_key_revocation',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'client_id', type: 'integer' },
          { name: 'revoked_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('api_key_revocation');
  }
}
