import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { SourceDownError } from '../core/data-sources/source-down-error';
import { ErrorCode } from '../core/errors/error-codes';
import { DepartmentUnavailableError } from '../core/errors/hub-errors';
import type { Logger } from '../core/logging/logger';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Apollo's codes for a request that is not a valid operation: the caller's to fix. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ErrorFormatOptions {
  /** NODE_ENV=development: internal errors keep their message (and Apollo adds the stack). */
  development: boolean;
  /** Introspection is off: "Did you mean …" would reveal field names. */
  hideSchema: boolean;
  logger: Logger;
}

/**
 * Every error leaves with one of the hub's codes (HTTP and WebSocket alike). Errors that are not
 * the hub's own — a database failure, a bug — become INTERNAL_SERVER_ERROR without their text,
 * which may hold SQL; the text goes to the log instead. A source that is down becomes
 * DEPARTMENT_UNAVAILABLE naming it (`extensions.department`; `hub` for the hub's own database).
 */
export function formatHubError(formatted: GraphQLFormattedError, error: unknown, options: ErrorFormatOptions): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const message = options.hideSchema ? formatted.message.replace(/ ?Did you mean .+\?/g, '') : formatted.message;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { ...formatted, message, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT, reason: code } };
  }
  if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...formatted, message };

  const original = originalOf(error);
  // The one place a down source becomes DEPARTMENT_UNAVAILABLE: its guard refused the call, or the call met the outage.
  if (original instanceof SourceDownError) {
    const unavailable = new DepartmentUnavailableError(original.source);
    return { message: unavailable.message, locations: formatted.locations, path: formatted.path, extensions: unavailable.extensions };
  }
  options.logger.error(`internal error in ${formatted.path?.join('.') ?? 'request'}: ${original instanceof Error ? original.message : String(original)}`, { path: formatted.path?.join('.') });
  if (options.development) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
  return {
    message: 'internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * The error a resolver threw. graphql-js wraps it once; schema stitching (remote departments)
 * wraps the wrapper again for each delegation it passed through.
 */
function originalOf(error: unknown): unknown {
  let original = error;
  for (let depth = 0; original instanceof GraphQLError && original.originalError && depth < 10; depth++) original = original.originalError;
  return original;
}
