import crypto from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';

/** A department's own MariaDB database, built by its "DBA" (root), which the hub reads with a SELECT-only account. */
export interface DepartmentDatabase {
  database: string;
  /** The read-only account's URL, for `<NAME>_DB_URL`. */
  readOnlyUrl: string;
  /** The DBA's connection (root) into the database: the vendor's systems append rows through it. */
  dba: Connection;
  /** A second DBA connection, for transactions that commit out of order. */
  connect(): Promise<Connection>;
  drop(): Promise<void>;
}

let counter = 0;

/** Creates the database, runs the DBA's `statements`, and a user granted `SELECT` on it and nothing else. */
export async function createDepartmentDatabase(label: string, statements: readonly string[]): Promise<DepartmentDatabase> {
  const rootUrl = process.env.XH_TEST_MYSQL_URL;
  if (!rootUrl) throw new Error('no MariaDB for this run');
  const tag = `${process.pid}_${++counter}_${Date.now().toString(36)}`;
  const database = `xh_dept_${label}_${tag}`;
  const user = `xh_ro_${tag}`.slice(0, 32);
  const password = crypto.randomBytes(12).toString('hex');
  const root = new URL(rootUrl);
  const connect = () => createConnection({ uri: rootUrl, database, multipleStatements: false, timezone: 'Z', dateStrings: true });
  const admin = await createConnection({ uri: rootUrl });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  await admin.query(`CREATE USER '${user}'@'localhost' IDENTIFIED BY '${password}'`);
  for (const host of ['%', 'localhost']) await admin.query(`GRANT SELECT ON \`${database}\`.* TO '${user}'@'${host}'`);
  await admin.end();
  const dba = await connect();
  for (const statement of statements) await dba.query(statement);
  return {
    database,
    readOnlyUrl: `mysql://${user}:${password}@${root.hostname}:${root.port || 3306}/${database}`,
    dba,
    connect,
    async drop() {
      await dba.end().catch(() => undefined);
      const cleanup = await createConnection({ uri: rootUrl });
      await cleanup.query(`DROP DATABASE IF EXISTS \`${database}\``);
      for (const host of ['%', 'localhost']) await cleanup.query(`DROP USER IF EXISTS '${user}'@'${host}'`);
      await cleanup.end();
    },
  };
}
