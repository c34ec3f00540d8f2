import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { isDeepStrictEqual } from 'node:util';
import type { ValidatorFn } from 'type-graphql';
import { BadUserInputError } from '../errors/hub-errors';

interface Failure {
  argument: string;
  message: string;
}

/** Flattens class-validator's tree into `near.lat must not be greater than 90`-style failures. */
function failuresOf(errors: ValidationError[], prefix: string): Failure[] {
  return errors.flatMap((error) => {
    const argument = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      argument,
      // class-validator starts its messages with the bare property name; name the whole path.
      message: message.startsWith(`${error.property} `) ? `${argument}${message.slice(error.property.length)}` : `${argument}: ${message}`,
    }));
    return [...own, ...failuresOf(error.children ?? [], argument)];
  });
}

/** The argument name of a single `@Arg()` value (an `@Args()` class already carries the names). */
function argumentNameOf(value: object, args: Record<string, unknown>): string {
  const plain = JSON.parse(JSON.stringify(value)) as unknown;
  const names = Object.keys(args).filter((name) => isDeepStrictEqual(JSON.parse(JSON.stringify(args[name] ?? null)), plain));
  return names.length === 1 ? names[0] : '';
}

const constrained = new WeakMap<Function, boolean>();

/** Whether class-validator has any decorator on the item's class (or its parents): looked up once per class. */
function hasConstraints(item: object): boolean {
  const type = item.constructor;
  let known = constrained.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
    constrained.set(type, known);
  }
  return known;
}

/**
 * type-graphql's validateFn: class-validator's decorators on args and inputs, each failure a
 * BAD_USER_INPUT error whose message and `extensions.argument` name the argument (`near.lat`),
 * and `extensions.invalidArguments` listing every failure when there are several.
 */
export const validateArguments: ValidatorFn = async (value, _type, { args }) => {
  if (value === null || typeof value !== 'object') return;
  const items: unknown[] = Array.isArray(value) ? value : [value];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item === null || typeof item !== 'object') continue;
    // An input without decorators (a footfall reading; 5,000 in a call) has nothing to check here.
    if (!hasConstraints(item)) continue;
    const errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
    if (errors.length === 0) continue;
    // Only on a failure: finding the name compares the value with every argument.
    const name = argumentNameOf(value, args);
    const failures = failuresOf(errors, Array.isArray(value) ? `${name}[${index}]` : name);
    const error = new BadUserInputError(failures.map((f) => f.message).join('; '), failures[0].argument);
    if (failures.length > 1) error.extensions.invalidArguments = failures;
    throw error;
  }
};
