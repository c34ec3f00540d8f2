/** A remote department's service did not answer (refused, reset, timed out, or a 502–504 from its proxy): an outage its guard counts. */
export class RemoteUnreachableError extends Error {
  /** One of the codes src/core/data-sources/outage-error.ts counts as an outage. */
  readonly code = 'REMOTE_UNREACHABLE';

  constructor(department: string, cause: unknown) {
    const why = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
    super(`the ${department} service does not answer: ${why}`);
    this.name = 'RemoteUnreachableError';
  }
}
