import { BadUserInputError } from '../../errors/hub-errors';
import { parseId } from '../../graphql/parse-id';
import type { NewClient } from '../api-client-store';
import { ApiRole } from '../api-role';

/** What a new key is asked for, before it is checked. */
export interface NewClientRequest {
  name: string;
  role: ApiRole;
  department?: string | null;
  hubId?: string | number | null;
}

/** What the rules need to know of the hub: its departments, and whether a hub exists (undefined: cannot tell). */
export interface NewClientFacts {
  departments: readonly string[];
  hubExists(id: number): Promise<boolean | undefined>;
}

/**
 * A DEPARTMENT key names one of the hub's departments, a CANTEEN_TERMINAL key an existing hub,
 * and no other key names either: a key that could not be used as asked is refused at once.
 */
export async function checkNewClient(request: NewClientRequest, facts: NewClientFacts, field = (name: string) => `input.${name}`): Promise<NewClient> {
  const name = request.name.trim();
  if (name.length === 0 || name.length > 100) throw new BadUserInputError(`${field('name')}: give the key holder a name of 1 to 100 characters`, field('name'));
  if (!Object.values(ApiRole).includes(request.role)) {
    throw new BadUserInputError(`${field('role')}: "${request.role}" is not one of ${Object.values(ApiRole).join(', ')}`, field('role'));
  }
  const department = request.department?.trim() || null;
  const hubText = request.hubId === undefined || request.hubId === null || String(request.hubId).trim() === '' ? null : String(request.hubId).trim();

  if (request.role === ApiRole.DEPARTMENT) {
    if (!department) throw new BadUserInputError(`${field('department')}: a DEPARTMENT key needs its department (one of ${facts.departments.join(', ')})`, field('department'));
    if (!facts.departments.includes(department)) {
      throw new BadUserInputError(`${field('department')}: "${department}" is not a department of this hub (one of ${facts.departments.join(', ')})`, field('department'));
    }
  } else if (department) {
    throw new BadUserInputError(`${field('department')}: only DEPARTMENT keys belong to a department`, field('department'));
  }

  let hubId: number | null = null;
  if (request.role === ApiRole.CANTEEN_TERMINAL) {
    if (hubText === null) throw new BadUserInputError(`${field('hubId')}: a CANTEEN_TERMINAL key needs the id of the hub the terminal stands in`, field('hubId'));
    hubId = parseId(hubText, field('hubId'));
    if ((await facts.hubExists(hubId)) === false) throw new BadUserInputError(`${field('hubId')}: there is no hub ${hubId}`, field('hubId'));
  } else if (hubText !== null) {
    throw new BadUserInputError(`${field('hubId')}: only CANTEEN_TERMINAL keys belong to a hub`, field('hubId'));
  }
  return { name, role: request.role, department, hubId };
}
