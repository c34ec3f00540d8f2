import { BadUserInputError } from '../errors/hub-errors';

/** The largest page any list returns. */
export const MAX_PAGE_SIZE = 100;

/** Checks a `first` argument: a whole number from 0 to MAX_PAGE_SIZE. */
export function checkPageSize(first: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, argument);
  }
  return first;
}
