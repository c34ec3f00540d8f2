import type { Registry } from 'prom-client';
import type { Route } from '../route';
import { sendJson } from '../send';
import { metricsRefusal } from './metrics-access';

export const METRICS_PATH = '/metrics';

/** GET /metrics in Prometheus's text format, for those `metricsRefusal` lets through. */
export function metricsRoute(registry: Registry, token: string | undefined): Route {
  return {
    path: METRICS_PATH,
    async handle(request, response) {
      const refusal = metricsRefusal(request, token);
      if (refusal) {
        return sendJson(response, refusal.status, { error: refusal.message }, refusal.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'only GET' });
      const text = await registry.metrics();
      response.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : text);
    },
  };
}
