/**
 * Apollo's codes for a request refused before execution because of its document or variables.
 * The hub reports them as BAD_USER_INPUT with Apollo's code in `extensions.reason`; a CSRF
 * refusal (reason BAD_REQUEST) is not among them and keeps its 400.
 */
const REQUEST_ERROR_REASONS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

function isRequestError(extensions: { code?: unknown; reason?: unknown } | undefined): boolean {
  if (extensions?.code !== 'BAD_USER_INPUT') return false;
  // No reason: variables that failed to coerce (Apollo's own BAD_USER_INPUT).
  return extensions.reason === undefined || REQUEST_ERROR_REASONS.has(String(extensions.reason));
}

/**
 * GraphQL over HTTP: a client accepting only the legacy `application/json` should get 200 for a
 * document that fails to parse or validate, or variables that fail to coerce (its errors are in
 * the body); Apollo answers 400, which stays for `application/graphql-response+json`.
 */
export function legacyJsonStatus(status: number, contentType: string | undefined, body: { kind: string; string?: string }): number {
  if (status !== 400 || !contentType?.startsWith('application/json') || body.kind !== 'complete' || !body.string) return status;
  try {
    const parsed = JSON.parse(body.string) as { data?: unknown; errors?: { extensions?: { code?: unknown; reason?: unknown } }[] };
    const requestErrors = parsed.errors?.length && parsed.errors.every((e) => isRequestError(e.extensions));
    return requestErrors && parsed.data === undefined ? 200 : status;
  } catch {
    return status;
  }
}
