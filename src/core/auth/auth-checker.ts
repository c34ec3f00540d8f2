import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/hub-errors';
import type { HubContext } from '../graphql/hub-context';
import { Access } from './access';
import { ApiRole } from './api-role';

/**
 * `@Authorized()` alone: any credential. `@Authorized(Access.SCREEN, …)`: those roles.
 * ADMIN may do everything. No credential -> UNAUTHENTICATED, the wrong one -> FORBIDDEN.
 */
export const authChecker: AuthChecker<HubContext, Access> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (roles.length === 0) return true;
  if (viewer.kind === 'client' && (viewer.role === ApiRole.ADMIN || roles.includes(viewer.role))) return true;
  if (viewer.kind === 'resident' && roles.includes(Access.RESIDENT)) return true;
  throw new ForbiddenError(`this needs one of: ${roles.join(', ')}`);
};
