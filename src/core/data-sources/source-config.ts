import path from 'node:path';
import { ConfigError } from '../config-error';
import { readOnOff, readString, type Env } from '../env-setting';

/**
 * Who owns a source (docs/sources.md). Managed: the hub migrates it and may seed it. External
 * (`<NAME>_DB_EXTERNAL=true`): the department's own database, which the hub only reads, its
 * tables checked at start; `timezone` is the UTC offset its date-times are stored in.
 */
export interface SourceAccess {
  external: boolean;
  /** `+00:00` (the hub's own convention), or e.g. `+08:00` for a vendor's local-time columns. */
  timezone: string;
}

/** Where one data source lives: an embedded SQLite file, or a MySQL/MariaDB database. */
export type SourceLocation =
  | { name: string; driver: 'sqlite'; file: string }
  | {
      name: string;
      driver: 'mysql';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      /** Extra mysql2 options from the URL's query string, e.g. ?connectionLimit=20 */
      connectionLimit: number;
    };

/** A source: where it lives, and whether the hub owns it. */
export type SourceConfig = SourceAccess & SourceLocation;

/** The name of the variable that configures a source: `civil` -> `CIVIL_DB_URL`. */
export function sourceUrlVariable(sourceName: string): string {
  return `${sourceName.toUpperCase()}_DB_URL`;
}

export const sourceExternalVariable = (sourceName: string): string => `${sourceName.toUpperCase()}_DB_EXTERNAL`;
export const sourceTimezoneVariable = (sourceName: string): string => `${sourceName.toUpperCase()}_DB_TIMEZONE`;

/** The hub's own convention: every date-time in UTC. */
export const UTC_OFFSET = '+00:00';

/** Reads a whole source: its URL, `<NAME>_DB_EXTERNAL` and `<NAME>_DB_TIMEZONE`. */
export function readSourceConfig(sourceName: string, env: Env, dataDir: string): SourceConfig {
  const where = parseSourceUrl(sourceName, env[sourceUrlVariable(sourceName)], dataDir);
  const external = readOnOff(env, sourceExternalVariable(sourceName), false);
  const timezoneVariable = sourceTimezoneVariable(sourceName);
  const timezone = readString(env, timezoneVariable, UTC_OFFSET);
  if (!/^[+-](0\d|1[0-4]):[0-5]\d$/.test(timezone)) {
    throw new ConfigError(timezoneVariable, `"${timezone}" is not a UTC offset such as +08:00 or +00:00`);
  }
  if (timezone !== UTC_OFFSET && where.driver === 'sqlite') {
    throw new ConfigError(timezoneVariable, 'applies to MySQL/MariaDB sources only: an embedded SQLite source keeps UTC');
  }
  return { ...where, external, timezone };
}

/** A UTC offset (`+08:00`) in minutes east of UTC. */
export function offsetMinutes(timezone: string): number {
  const sign = timezone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = timezone.slice(1).split(':').map(Number);
  return sign * (hours * 60 + minutes);
}

/**
 * Reads a source's URL. Unset or empty means the embedded default: `<dataDir>/<name>.sqlite`.
 * `sqlite:relative/or/absolute.sqlite` names another file; `mysql://user:pw@host:port/db` a server.
 */
export function parseSourceUrl(sourceName: string, url: string | undefined, dataDir: string): SourceLocation {
  const variable = sourceUrlVariable(sourceName);
  if (url === undefined || url.trim() === '') {
    return { name: sourceName, driver: 'sqlite', file: path.resolve(dataDir, `${sourceName}.sqlite`) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(variable, `not a URL: "${redactUrl(url)}" (use mysql://user:password@host:3306/database or leave unset)`);
  }
  if (parsed.protocol === 'sqlite:') {
    const file = decodeURIComponent(parsed.pathname || parsed.host);
    if (!file) throw new ConfigError(variable, 'sqlite: URL without a file path');
    return { name: sourceName, driver: 'sqlite', file: path.resolve(dataDir, file) };
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new ConfigError(variable, `unsupported scheme "${parsed.protocol}" (use mysql:// or leave unset)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$]{1,64}$/.test(database)) {
    throw new ConfigError(
      variable,
      database ? `database name "${database}" must be letters, digits, _ or $` : 'the URL names no database (mysql://user@host:3306/<database>)',
    );
  }
  if (!parsed.hostname) throw new ConfigError(variable, 'the URL names no host');
  const port = parsed.port ? Number(parsed.port) : 3306;
  const limitParam = parsed.searchParams.get('connectionLimit');
  const connectionLimit = limitParam === null ? 10 : Number(limitParam);
  if (!Number.isInteger(connectionLimit) || connectionLimit < 1 || connectionLimit > 1000) {
    throw new ConfigError(variable, `connectionLimit must be a whole number from 1 to 1000, got "${limitParam}"`);
  }
  return {
    name: sourceName,
    driver: 'mysql',
    host: parsed.hostname,
    port,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
    connectionLimit,
  };
}

/** A URL fit for logs and error messages: the password replaced. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** How a source is described to a person: never with its password. */
export function describeSource(source: SourceConfig): string {
  return source.driver === 'sqlite'
    ? `sqlite ${source.file}`
    : `mysql://${source.user}@${source.host}:${source.port}/${source.database}`;
}
