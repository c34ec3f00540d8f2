import type { ServerResponse } from 'node:http';
import { ErrorCode } from '../core/errors/error-codes';
import type { HubError } from '../core/errors/hub-errors';
import { sendGraphQLError } from './send';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  // The hub's own database is down, so the credential cannot be checked: retry, do not ask for a new key.
  [ErrorCode.DEPARTMENT_UNAVAILABLE]: 503,
};

/** A request refused before it runs: 401 for a credential that does not check out, 429 for too many, 503 when it cannot be checked now, else 400. */
export function sendRefusal(response: ServerResponse, error: HubError): void {
  const { code, ...extensions } = error.extensions as { code: string; [key: string]: unknown };
  const headers: Record<string, string> = {};
  if (code === ErrorCode.UNAUTHENTICATED) headers['www-authenticate'] = 'Bearer';
  if (typeof extensions.retryAfterSeconds === 'number') headers['retry-after'] = String(extensions.retryAfterSeconds);
  sendGraphQLError(response, STATUS[code] ?? 400, code, error.message, { extensions, headers });
}
