import { errors, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../errors/hub-errors';
import type { IdentityProvider } from './identity-provider';

/** A pseudonymous resident reference: never a name, a phone number or an ID-card number. */
const RESIDENT_REF = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Residents' tokens from the mini-program's login service: a JWT signed HS256 with
 * RESIDENT_JWT_SECRET, `sub` = the resident's pseudonymous reference, `exp` required.
 */
export class ResidentTokenProvider implements IdentityProvider {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  recognises(token: string): boolean {
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
  }

  async verify(token: string): Promise<{ residentRef: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
      // jose does not check the claim's type; a number would pass the pattern as its digits.
      if (typeof payload.sub !== 'string' || !RESIDENT_REF.test(payload.sub)) {
        throw new UnauthenticatedError('the resident token has no valid subject: sub must be 8–64 characters of A-Za-z0-9_-');
      }
      return { residentRef: payload.sub };
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('the resident token has expired');
      throw new UnauthenticatedError('the resident token is not valid');
    }
  }
}
