import { describeSource, type SourceConfig } from './source-config';

/** A source that cannot be opened or migrated; the message names it and never shows a password. */
export class SourceUnavailableError extends Error {
  constructor(
    readonly source: SourceConfig,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(`${source.name} source (${describeSource(source)}): ${reason}`);
    this.name = 'SourceUnavailableError';
  }
}
