import { BadUserInputError } from '../../../core/errors/hub-errors';

/** The health platform's pseudonyms: an HMAC, hex or base64url, 8–64 characters. */
const PSEUDONYM = /^[A-Za-z0-9_-]{8,64}$/;
/** Mainland ID-card numbers and mobile numbers, which a misconfigured till might send instead. */
const ID_CARD = /^\d{17}[\dXx]$/;
const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;

/**
 * Checks that a resident reference is a pseudonym. A real identifier is refused without being
 * hashed into the audit log: an ID-card or phone number is too guessable for a hash to hide.
 */
export function isPseudonymousRef(value: string): boolean {
  return PSEUDONYM.test(value) && !ID_CARD.test(value) && !MOBILE.test(value);
}

export function refusedRefError(): BadUserInputError {
  return new BadUserInputError(
    'residentRef must be the health platform’s pseudonymous reference, never a name, ID-card or phone number',
    'residentRef',
  );
}
