import type { Env } from '../env-setting';
import { serviceKey, type ServiceKey } from '../services/service-registry';

/**
 * A department's own settings, read from the environment when the hub starts (a bad value stops
 * the start with one line naming the variable) and reached by its resolvers through `key`.
 */
export interface DepartmentSettings<T> {
  key: ServiceKey<T>;
  read(env: Env): T;
}

export function departmentSettings<T>(department: string, read: (env: Env) => T): DepartmentSettings<T> {
  return { key: serviceKey<T>(`${department}.settings`), read };
}
