import type { DataSourceOptions } from 'typeorm';
import { castDatetimesAt } from './mysql-datetime';
import { SnakeCaseNaming } from './snake-case-naming';
import { StatementCountingLogger } from './statement-count';
import { offsetMinutes, type SourceConfig } from './source-config';
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
      // An external file is the department's: opened read-only, its journal mode left as it is.
      // WAL lets the feeds read while a department writes; busy readers wait instead of failing.
      ...(config.external ? { readonly: true } : { enableWAL: true }),
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
    // Every instant the hub writes is in UTC; "today" is computed in Asia/Shanghai by the code.
    // An external source may store local time (<NAME>_DB_TIMEZONE): parameters are sent in it.
    timezone: config.timezone === '+00:00' ? 'Z' : config.timezone,
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 5_000,
    extra: { connectionLimit: config.connectionLimit, typeCast: castDatetimesAt(offsetMinutes(config.timezone)) },
  };
}
