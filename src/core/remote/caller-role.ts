import type { Viewer } from '../auth/viewer';

/** The header that tells a remote department who asked the hub (never their key or token). */
export const CALLER_ROLE_HEADER = 'x-hub-caller-role';

/** ANONYMOUS, RESIDENT, or an API key's role; HUB for the hub's own calls (its probe, its SDL). */
export function callerRoleOf(viewer: Viewer | undefined): string {
  if (!viewer) return 'HUB';
  if (viewer.kind === 'client') return viewer.role;
  return viewer.kind === 'resident' ? 'RESIDENT' : 'ANONYMOUS';
}
