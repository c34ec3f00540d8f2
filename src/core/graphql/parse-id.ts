import { BadUserInputError } from '../errors/hub-errors';

/** GraphQL IDs arrive as strings; ours are positive integers. */
export function parseId(value: string | number, argument: string): number {
  const text = String(value);
  if (!/^[1-9]\d{0,14}$/.test(text)) throw new BadUserInputError(`${argument}: "${text}" is not a valid id`, argument);
  return Number(text);
}
