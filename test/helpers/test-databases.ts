import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { sourceUrlVariable } from '../../src/core/data-sources/source-config';
import type { Driver } from './drivers';

let counter = 0;

export interface TestDatabases {
  /** DATA_DIR and the `<NAME>_DB_URL`s, to merge into a test's environment. */
  env: Record<string, string>;
  dataDir: string;
  /** Drops the MySQL databases and removes the data directory. */
  drop(): Promise<void>;
}

/**
 * Fresh, empty databases for one test hub: SQLite files in a temporary directory, or one MySQL
 * database per source named after this worker, dropped afterwards.
 */
export async function createTestDatabases(driver: Driver, sourceNames: readonly string[]): Promise<TestDatabases> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-test-'));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  const databases: string[] = [];
  const mysqlUrl = process.env.XH_TEST_MYSQL_URL;
  if (driver === 'mysql') {
    if (!mysqlUrl) throw new Error('no MySQL for this run');
    const tag = `xh_t${process.pid}_${++counter}_${Date.now().toString(36)}`;
    for (const name of sourceNames) {
      const database = `${tag}_${name}`;
      databases.push(database);
      env[sourceUrlVariable(name)] = `${mysqlUrl.replace(/\/$/, '')}/${database}`;
    }
  }
  return {
    env,
    dataDir,
    async drop() {
      if (databases.length > 0 && mysqlUrl) {
        const connection = await createConnection({ uri: mysqlUrl });
        for (const database of databases) await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await connection.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
