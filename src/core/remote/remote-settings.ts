import { Access } from '../auth/access';
import { ConfigError } from '../config-error';
import { readInt, readOptionalString, readString, type Env } from '../env-setting';

/** Who may read a remote department's fields: anyone, or callers of these roles (ADMIN always may). */
export type RemoteReaders = 'PUBLIC' | readonly Access[];

/** One department that runs its own GraphQL service, stitched into the hub's schema. */
export interface RemoteDepartment {
  /** `culture`: its name in `departments`, /readyz, /metrics and `extensions.department`. */
  name: string;
  /** `<NAME>_REMOTE_TITLE`, e.g. 文旅局; the name when unset. */
  title: string;
  /** Its GraphQL endpoint, http(s). */
  url: string;
  /** `<NAME>_REMOTE_AUTHORIZATION`: the hub's own credential there, sent as the Authorization header. */
  authorization: string | undefined;
  /** `<NAME>_REMOTE_ROLES`: ADMIN only when unset. */
  readers: RemoteReaders;
}

export interface RemoteSettings {
  /** REMOTE_DEPARTMENTS: none when unset, and then the hub serves its own schema without stitching. */
  departments: RemoteDepartment[];
  /** REMOTE_REFRESH_MS: how often each remote's SDL is fetched again. */
  refreshMs: number;
}

const NAME = /^[a-z][a-z0-9_]*$/;
const ROLE_NAMES = ['PUBLIC', ...Object.values(Access)] as const;

/** The variable of one remote's setting: `culture`, `ROLES` -> `CULTURE_REMOTE_ROLES`. */
export function remoteVariable(name: string, setting: 'AUTHORIZATION' | 'ROLES' | 'TITLE'): string {
  return `${name.toUpperCase()}_REMOTE_${setting}`;
}

/**
 * Reads REMOTE_DEPARTMENTS (`culture=http://host:4100/graphql,…`) and each one's own settings.
 * `taken`: the names of the hub's own sources, which a remote may not reuse. Bad input throws a
 * ConfigError naming the variable and what is wrong.
 */
export function readRemoteSettings(env: Env, taken: readonly string[]): RemoteSettings {
  const list = readOptionalString(env, 'REMOTE_DEPARTMENTS');
  const departments: RemoteDepartment[] = [];
  for (const entry of list ? list.split(',').map((e) => e.trim()).filter((e) => e !== '') : []) {
    const at = entry.indexOf('=');
    if (at < 0) throw new ConfigError('REMOTE_DEPARTMENTS', `"${entry}" is not name=url (e.g. culture=http://culture.internal:4100/graphql)`);
    const name = entry.slice(0, at).trim();
    const url = entry.slice(at + 1).trim();
    if (!NAME.test(name)) throw new ConfigError('REMOTE_DEPARTMENTS', `"${name}" is not a valid department name (lower-case letters, digits and _, starting with a letter)`);
    if (taken.includes(name)) throw new ConfigError('REMOTE_DEPARTMENTS', `"${name}" is already one of the hub's own sources`);
    if (departments.some((d) => d.name === name)) throw new ConfigError('REMOTE_DEPARTMENTS', `"${name}" is listed twice`);
    if (!isHttpUrl(url)) throw new ConfigError('REMOTE_DEPARTMENTS', `the URL of ${name}, "${url}", is not an http:// or https:// URL`);
    departments.push({
      name,
      title: readString(env, remoteVariable(name, 'TITLE'), name),
      url,
      authorization: readOptionalString(env, remoteVariable(name, 'AUTHORIZATION')),
      readers: readReaders(env, remoteVariable(name, 'ROLES')),
    });
  }
  return { departments, refreshMs: readInt(env, 'REMOTE_REFRESH_MS', 60_000, { min: 100, max: 86_400_000 }) };
}

function readReaders(env: Env, variable: string): RemoteReaders {
  const value = readOptionalString(env, variable);
  if (value === undefined) return [Access.ADMIN];
  const roles = value.split(',').map((r) => r.trim().toUpperCase()).filter((r) => r !== '');
  if (roles.length === 0) throw new ConfigError(variable, 'names no role');
  for (const role of roles) {
    if (!(ROLE_NAMES as readonly string[]).includes(role)) throw new ConfigError(variable, `"${role}" is not one of ${ROLE_NAMES.join(', ')}`);
  }
  if (roles.includes('PUBLIC')) {
    if (roles.length > 1) throw new ConfigError(variable, 'PUBLIC already lets everyone read: list it alone');
    return 'PUBLIC';
  }
  return roles as Access[];
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
