import { Counter, type Registry } from 'prom-client';

/**
 * Counts HTTP responses by route and status, refusals before GraphQL runs included (401 for a
 * bad credential, 413 for a body too large, 429 for too many). The route is the path of the
 * hub's route that served it (a fixed list), or `none`.
 */
export function httpResponseMetrics(registry: Registry): (route: string | undefined, status: number) => void {
  const responses = new Counter({
    name: 'xingfu_hub_http_responses_total',
    help: 'HTTP responses, by route (none when no route matched) and status code',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  return (route, status) => responses.inc({ route: route ?? 'none', status: String(status) });
}
