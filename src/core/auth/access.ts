import { ApiRole } from './api-role';

/** What `@Authorized(...)` takes: an API key role, or a signed-in resident. */
export const Access = { ...ApiRole, RESIDENT: 'RESIDENT' } as const;
export type Access = (typeof Access)[keyof typeof Access];
