import { BadUserInputError } from '../errors/hub-errors';

/**
 * Opaque cursors: base64url of `<list>:<position>`. The list name makes a cursor from one list
 * fail clearly when passed to another.
 */
export function encodeCursor(list: string, position: number): string {
  return Buffer.from(`${list}:${position}`).toString('base64url');
}

export function decodeCursor(list: string, cursor: string, argument = 'after'): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([a-z-]+):(\d{1,15})$/.exec(text);
  if (!match || match[1] !== list) {
    throw new BadUserInputError(`${argument}: "${cursor}" is not a cursor of this list`, argument);
  }
  return Number(match[2]);
}
