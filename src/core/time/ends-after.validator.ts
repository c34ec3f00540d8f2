import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * On a `to` date: it must come after the `fromProperty` date (or after now when that is not
 * given), and at most `maxSpanDays` later — a window of time a client may ask for at once.
 */
export function EndsAfter(fromProperty: string, maxSpanDays: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'endsAfter',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [fromProperty, maxSpanDays],
      options,
      validator: {
        validate(value: unknown, { object }: ValidationArguments) {
          if (!(value instanceof Date)) return true;
          const from = (object as Record<string, unknown>)[fromProperty];
          const start = from instanceof Date ? from.getTime() : Date.now();
          return value.getTime() > start && value.getTime() - start <= maxSpanDays * DAY_MS;
        },
        defaultMessage({ property, object }: ValidationArguments) {
          const given = (object as Record<string, unknown>)[fromProperty] instanceof Date;
          return `${property} must be after ${given ? fromProperty : 'now'} and at most ${maxSpanDays} days later`;
        },
      },
    });
  };
}
