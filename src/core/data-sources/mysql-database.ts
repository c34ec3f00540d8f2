import { createConnection } from 'mysql2/promise';
import type { SourceConfig } from './source-config';

type MysqlSource = Extract<SourceConfig, { driver: 'mysql' }>;

/**
 * Creates the source's database when the server does not have it yet (first start), and tells
 * whether the server is MariaDB (TypeORM reads its column defaults differently). An external
 * source's database is the department's: it is never created, and a read-only account could not.
 */
export async function ensureMysqlDatabase(config: MysqlSource): Promise<{ mariadb: boolean }> {
  const connection = await createConnection({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    connectTimeout: 5_000,
    // An external source's account may see only its own database.
    database: config.external ? config.database : undefined,
  });
  try {
    if (!config.external) await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return { mariadb: /mariadb/i.test((rows as { version: string }[])[0].version) };
  } finally {
    await connection.end();
  }
}
