/**
 * A call refused because its source is down: its circuit breaker is open, it was never opened, or
 * the call itself met the outage (timeout, refused or lost connection). The server turns it into
 * DEPARTMENT_UNAVAILABLE naming the source; `cause` (which can name hosts) goes only to the log.
 */
export class SourceDownError extends Error {
  constructor(
    readonly source: string,
    override readonly cause?: unknown,
  ) {
    super(`the ${source} source is down${cause instanceof Error ? `: ${cause.message.split('\n')[0]}` : ''}`);
    this.name = 'SourceDownError';
  }
}
