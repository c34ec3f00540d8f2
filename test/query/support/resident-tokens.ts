import { SignJWT } from 'jose';

/** The secret the query suites' hubs verify residents' tokens with. */
export const RESIDENT_JWT_SECRET = 'query-suite-resident-secret-0123456789';

/** A resident's token as the mini-program's login service signs it: HS256, sub = resident ref, exp. */
export async function residentToken(residentRef: string, secret = RESIDENT_JWT_SECRET): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(residentRef)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

export async function residentHeaders(residentRef: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await residentToken(residentRef)}` };
}
