import { Access } from '../auth/access';
import type { Viewer } from '../auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../errors/hub-errors';
import type { RemoteDepartment } from './remote-settings';

/**
 * Throws unless the caller may read this remote department's fields, with the hub's own codes:
 * no credential -> UNAUTHENTICATED, the wrong one -> FORBIDDEN. ADMIN may read every remote.
 */
export function checkRemoteReader(viewer: Viewer, department: RemoteDepartment): void {
  const readers = department.readers;
  if (readers === 'PUBLIC') return;
  const needs = `the ${department.name} department's fields need one of: ${readers.join(', ')}`;
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError(`${needs}; send an API key`);
  if (viewer.kind === 'client' && (viewer.role === Access.ADMIN || readers.includes(viewer.role))) return;
  if (viewer.kind === 'resident' && readers.includes(Access.RESIDENT)) return;
  throw new ForbiddenError(needs);
}
