import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Keys look like `xfh_<43 base64url characters>`: 32 random bytes, recognisable in a config file. */
export const API_KEY_PREFIX = 'xfh_';
const LOOKUP_PREFIX_LENGTH = 12;

export interface NewApiKey {
  key: string;
  /** Stored plain to find the row: `xfh_` and 8 characters, not enough to guess the rest. */
  lookupPrefix: string;
  hash: string;
}

export function generateApiKey(): NewApiKey {
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, lookupPrefix: lookupPrefixOf(key), hash: hashApiKey(key) };
}

export function isApiKeyShaped(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && /^xfh_[A-Za-z0-9_-]{43}$/.test(value);
}

export function lookupPrefixOf(key: string): string {
  return key.slice(0, LOOKUP_PREFIX_LENGTH);
}

/** A plain SHA-256 suffices: the key carries 256 random bits, there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
