import { readPartSettings } from '../../src/app';
import { loadConfig } from '../../src/config';
import { departments } from '../../src/departments';
import { ConfigError } from '../../src/core/config-error';

/** The departments of the configuration tests. */
export const DEPARTMENTS = ['civil', 'iot', 'health'];

/** The one-line message a start with `env` stops with; fails the test if it does not stop. */
export function configErrorOf(env: Record<string, string>): string {
  try {
    readPartSettings(loadConfig(env, DEPARTMENTS), departments);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}
