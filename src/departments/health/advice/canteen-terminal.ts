import { ApiRole } from '../../../core/auth/api-role';
import type { Viewer } from '../../../core/auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../../../core/errors/hub-errors';

/**
 * The hub of the canteen terminal asking, or the refusal. Only a CANTEEN_TERMINAL key bound to
 * a hub passes: not even ADMIN, because a diner's tip is for the till they stand at (PIPL:
 * a health condition is read for that purpose only).
 */
export function canteenTerminalHub(viewer: Viewer): number {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (viewer.kind !== 'client' || viewer.role !== ApiRole.CANTEEN_TERMINAL) {
    throw new ForbiddenError('only a canteen terminal may read a diner’s dietary advice');
  }
  if (viewer.hubId === null) throw new ForbiddenError('this canteen terminal key is bound to no hub');
  return viewer.hubId;
}
