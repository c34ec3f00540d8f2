import { ConfigError } from '../core/config-error';
import { SourceUnavailableError } from '../core/data-sources/source-unavailable-error';
import { HubError } from '../core/errors/hub-errors';
import { HelpRequested, UsageError } from './command-line';

/**
 * Runs a command-line entry. `--help` prints the usage (exit 0); a mistake on the command line
 * prints what was wrong and the usage (exit 2); a known failure is one line on stderr (exit 1).
 */
export function runCli(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof HelpRequested) {
        process.stdout.write(`${error.usage}\n`);
        process.exit(0);
      }
      if (error instanceof UsageError) {
        process.stderr.write(`${name}: ${error.message}\n${error.usage}\n`);
        process.exit(2);
      }
      const known = error instanceof ConfigError || error instanceof SourceUnavailableError || error instanceof HubError;
      const text = known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.stack;
      process.stderr.write(`${name}: ${text}\n`);
      process.exit(1);
    },
  );
}
