/** What stands in a log line where a secret or a resident's data was. */
export const REDACTED = '[redacted]';

/** Field names whose values never reach a log line, at the top level or one level down. */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'key',
  'apiKey',
  'token',
  'secret',
  'password',
  'connectionParams',
  'residentRef',
  'flags',
  'healthFlags',
];

/** pino's `redact` paths: `authorization`, `*.authorization` (e.g. `headers.authorization`), … */
export const REDACTED_PATHS: string[] = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((name) => `*.${name}`),
  'req.headers.authorization',
  'variables.residentRef',
];

/** An API key (`xfh_` and 43 characters) or a JWT (three base64url parts, the first a JSON header). */
const CREDENTIAL_SHAPED = /xfh_[A-Za-z0-9_-]{8,}|eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|Bearer\s+[A-Za-z0-9._~+/=-]{8,}/g;

/**
 * A message with anything credential-shaped cut out. Redaction works on fields; this catches a
 * credential that a message embedded by mistake (an error text quoting a header, say).
 */
export function withoutCredentials(message: string): string {
  return message.replace(CREDENTIAL_SHAPED, REDACTED);
}
