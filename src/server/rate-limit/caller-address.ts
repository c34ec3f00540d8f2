import type { IncomingMessage } from 'node:http';

/**
 * The caller's IP address for the per-address rate limit. Behind `proxyHops` reverse proxies
 * (TRUST_PROXY_HOPS) it is the entry of X-Forwarded-For that the outermost of them wrote;
 * entries further left are the caller's own word and ignored. Without proxies the header is
 * not read at all, so that nobody can choose their bucket.
 */
export function callerAddress(request: IncomingMessage, proxyHops: number): string | undefined {
  const peer = request.socket.remoteAddress;
  if (proxyHops === 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through them; the peer is all we know.
  return entries.length >= proxyHops ? entries[entries.length - proxyHops] : peer;
}
