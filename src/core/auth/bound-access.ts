import { ForbiddenError, UnauthenticatedError } from '../errors/hub-errors';
import { ApiRole } from './api-role';
import type { Viewer } from './viewer';

/**
 * The checks `@Authorized` cannot make because they depend on the data: a DEPARTMENT key
 * writes only to its own department's source, a CANTEEN_TERMINAL key acts only for its own
 * hub. ADMIN passes both. Call them in the resolver, after `@Authorized(...)` admitted the role.
 */
export function checkOwnDepartment(viewer: Viewer, department: string): void {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (viewer.kind === 'client' && viewer.role === ApiRole.ADMIN) return;
  if (viewer.kind === 'client' && viewer.role === ApiRole.DEPARTMENT && viewer.department === department) return;
  const own = viewer.kind === 'client' && viewer.department ? `; this key belongs to ${viewer.department}` : '';
  throw new ForbiddenError(`only the ${department} department's keys may do this${own}`);
}

export function checkOwnHub(viewer: Viewer, hubId: number): void {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (viewer.kind === 'client' && viewer.role === ApiRole.ADMIN) return;
  if (viewer.kind === 'client' && viewer.role === ApiRole.CANTEEN_TERMINAL && viewer.hubId === hubId) return;
  const own = viewer.kind === 'client' && viewer.hubId !== null ? `; this terminal stands in hub ${viewer.hubId}` : '';
  throw new ForbiddenError(`only a terminal of hub ${hubId} may do this${own}`);
}
