import { SignJWT } from 'jose';
import type { TestHub } from '../../helpers/test-hub';

export const ADMIN_SECRET = 'admin-secret-for-the-auth-tests';
export const RESIDENT_JWT_SECRET = 'resident-jwt-secret-for-the-auth-tests!';

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

/** A resident token as the mini-program's login service mints it. */
export function residentToken(sub = 'resident-ref-0001', expiresInSeconds = 3600, secret = RESIDENT_JWT_SECRET): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

const CREATE = /* GraphQL */ `
  mutation Create($input: ApiKeyInput!) {
    createApiKey(input: $input) { id key client { id name role department hubId } }
  }
`;

/** Creates a key through the admin mutation, as an administrator would. */
export async function createKey(hub: TestHub, input: Record<string, unknown>): Promise<{ id: string; key: string }> {
  const { data, errors } = await hub.query(CREATE, { input }, bearer(ADMIN_SECRET));
  if (errors) throw new Error(`createApiKey failed: ${JSON.stringify(errors)}`);
  return { id: data.createApiKey.id, key: data.createApiKey.key };
}
