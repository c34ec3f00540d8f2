import type { ApiRole } from './api-role';

/** Who is calling, once the credential has been checked. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'client';
      /** null for the configured admin secret or the command line, which have no row. */
      clientId: number | null;
      name: string;
      role: ApiRole;
      department: string | null;
      hubId: number | null;
    }
  | { kind: 'resident'; residentRef: string };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/** A short description for the audit log and server logs; never a key or a resident ref. */
export function describeViewer(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'client':
      return viewer.clientId === null ? viewer.name : `client ${viewer.clientId} (${viewer.name})`;
    case 'resident':
      return 'a resident';
  }
}
