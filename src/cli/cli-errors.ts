import { ConfigError } from '../core/config-error';
import { SourceUnavailableError } from '../core/data-sources/source-unavailable-error';
import { HubError } from '../core/errors/hub-errors';

/** Runs a command-line entry; a known failure is one line on stderr and exit code 1. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof SourceUnavailableError || error instanceof HubError;
      const text = known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.stack;
      process.stderr.write(`${name}: ${text}\n`);
      process.exit(1);
    },
  );
}
