import type { DataSourceOptions } from 'typeorm';
import { castUtcDatetimes } from './mysql-datetime';
import { SnakeCaseNaming } from './snake-case-naming';
import { StatementCountingLogger } from './statement-count';
import type { SourceConfig } from './source-config';
import type { SourceDefinition } from './source-definition';

/** TypeORM options for one source; the same entities and migrations serve both drivers. */
export function dataSourceOptions(
  config: SourceConfig,
  definition: SourceDefinition,
  server: { mariadb: boolean } = { mariadb: false },
): DataSourceOptions {
  const common = {
    name: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    logging: false,
    logger: new StatementCountingLogger(definition.name),
    namingStrategy: new SnakeCaseNaming(),
  } as const;
  if (config.driver === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: config.file,
      // WAL lets the feeds read while a department writes; busy readers wait instead of failing.
      enableWAL: true,
      timeout: 10_000,
    };
  }
  return {
    ...common,
    type: server.mariadb ? 'mariadb' : 'mysql',
    host: config.host,
    port: config.port,
    username: config.user,
    password: config.password,
    database: config.database,
    charset: 'utf8mb4_unicode_ci',
    // Every instant is stored in UTC; "today" is computed in Asia/Shanghai by the code.
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 5_000,
    extra: { connectionLimit: config.connectionLimit, typeCast: castUtcDatetimes },
  };
}
