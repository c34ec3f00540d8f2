import { createHash } from 'node:crypto';
import type { Viewer } from '../../core/auth/viewer';

/** Whose bucket an operation takes from: the API key's, the resident's, else the caller's IP address. */
export function rateLimitSubject(viewer: Viewer, address: string | undefined): string {
  switch (viewer.kind) {
    case 'client':
      return viewer.clientId === null ? 'admin-secret' : `client:${viewer.clientId}`;
    case 'resident':
      // The bucket's key may sit in Redis: keep the resident ref out of it.
      return `resident:${createHash('sha256').update(viewer.residentRef).digest('hex').slice(0, 32)}`;
    case 'anonymous':
      return `ip:${address ?? 'unknown'}`;
  }
}
