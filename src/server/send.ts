import type { ServerResponse } from 'node:http';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** A GraphQL-shaped error for requests refused before execution (bad JSON, too large, bad credential, too many). */
export function sendGraphQLError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
): void {
  sendJson(response, status, { errors: [{ message, extensions: { ...extra.extensions, code } }] }, extra.headers);
}
