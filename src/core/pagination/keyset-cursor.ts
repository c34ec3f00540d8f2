import { BadUserInputError } from '../errors/hub-errors';
import { isStorableInstant } from '../time/storable-instant';

/**
 * What one key of a keyset cursor is: an instant (epoch ms, as a datetime column can hold it)
 * or a row id (a whole number from 1). A key that no row could have makes the cursor a forgery.
 */
export type CursorKey = 'instant' | 'id';

const VALID: Record<CursorKey, (value: number) => boolean> = {
  instant: isStorableInstant,
  id: (value) => Number.isSafeInteger(value) && value >= 1,
};

/**
 * Opaque cursors for lists ordered by several keys, e.g. activities by (startsAt, id):
 * base64url of `<list>:<key1>:<key2>…`, every key a whole number (instants as epoch ms).
 */
export function encodeKeysetCursor(list: string, keys: readonly number[]): string {
  return Buffer.from(`${list}:${keys.join(':')}`).toString('base64url');
}

/** The keys of a cursor this list wrote; anything else is refused as BAD_USER_INPUT naming `argument`. */
export function decodeKeysetCursor(list: string, cursor: string, kinds: readonly CursorKey[], argument = 'after'): number[] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const texts = parts.slice(1);
  const keys = texts.map(Number);
  // Each key as the list writes it (no leading zeros, no exponent), and one a row could have.
  const wellFormed = parts[0] === list && keys.length === kinds.length && keys.every((key, i) => String(key) === texts[i] && VALID[kinds[i]](key));
  if (!wellFormed) throw new BadUserInputError(`${argument}: "${cursor}" is not a cursor of this list`, argument);
  return keys;
}
