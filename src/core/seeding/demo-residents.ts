import { createHmac } from 'node:crypto';

/** The demo's pseudonymisation key; a real deployment's refs come from the health platform. */
const DEMO_PSEUDONYM_KEY = 'xingfu-hub demo residents';

/** How many residents the demo district has. */
export const DEMO_RESIDENTS = 800;

/** The pseudonymous reference of demo resident `n` (1-based): an HMAC, never a name or number. */
export function demoResidentRef(n: number): string {
  return createHmac('sha256', DEMO_PSEUDONYM_KEY).update(`resident-${n}`).digest('hex').slice(0, 32);
}
