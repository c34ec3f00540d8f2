/** Error codes that say the database is out of reach, not that the statement was wrong. */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_SERVER_GONE_ERROR',
  'ER_SERVER_LOST',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  // A remote department's GraphQL service that does not answer (src/core/remote).
  'REMOTE_UNREACHABLE',
]);

/** A call that outlived its source's query timeout. */
export class QueryTimeoutError extends Error {
  readonly code = 'QUERY_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'QueryTimeoutError';
  }
}

/**
 * True when an error means the source is unreachable (what a circuit breaker counts); false for
 * a statement's own failure (a duplicate key, a deadlock), which says the database is answering.
 */
export function isOutage(error: unknown): boolean {
  if (error instanceof QueryTimeoutError) return true;
  for (const candidate of [error, (error as { driverError?: unknown } | null)?.driverError]) {
    if (!candidate || typeof candidate !== 'object') continue;
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (OUTAGE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return true;
    // mysql2 says this without a code when a command meets a connection that already broke.
    if (typeof message === 'string' && /connection is in closed state|Pool is closed/i.test(message)) return true;
  }
  return false;
}
