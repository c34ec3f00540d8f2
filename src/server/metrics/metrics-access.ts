import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Why a scrape is refused: 401 without the right token, 403 from an address that may not scrape. */
export interface MetricsRefusal {
  status: 401 | 403;
  message: string;
}

/** True for 127.0.0.0/8, ::1 and IPv4 loopback mapped into IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever the peer. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends it as a bearer token. Without:
 * only a caller on this machine, judged by the TCP peer — never by X-Forwarded-For, which the
 * caller writes — and not through a proxy on this machine either.
 */
export function metricsRefusal(request: IncomingMessage, token: string | undefined): MetricsRefusal | undefined {
  if (token !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    return match && sameSecret(match[1], token) ? undefined : { status: 401, message: 'the metrics need "Authorization: Bearer <METRICS_TOKEN>"' };
  }
  const proxied = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
  if (isLoopback(request.socket.remoteAddress) && !proxied) return undefined;
  return { status: 403, message: 'the metrics answer only this machine: set METRICS_TOKEN to scrape from elsewhere' };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
