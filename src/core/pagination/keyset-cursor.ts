import { BadUserInputError } from '../errors/hub-errors';

/**
 * Opaque cursors for lists ordered by several keys, e.g. activities by (startsAt, id):
 * base64url of `<list>:<key1>:<key2>…`, every key a whole number (instants as epoch ms).
 */
export function encodeKeysetCursor(list: string, keys: readonly number[]): string {
  return Buffer.from(`${list}:${keys.join(':')}`).toString('base64url');
}

export function decodeKeysetCursor(list: string, cursor: string, keyCount: number, argument = 'after'): number[] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const keys = parts.slice(1).map(Number);
  if (parts[0] !== list || keys.length !== keyCount || !parts.slice(1).every((k) => /^-?\d{1,15}$/.test(k))) {
    throw new BadUserInputError(`${argument}: "${cursor}" is not a cursor of this list`, argument);
  }
  return keys;
}
