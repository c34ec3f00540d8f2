import type { SourceRegistry } from '../core/data-sources/source-registry';
import type { Route } from './route';
import { sendJson } from './send';

/** `/healthz`: the process is up. `/readyz`: every data source answers (else 503, naming which). */
export function healthRoutes(sources: SourceRegistry): Route[] {
  return [
    { path: '/healthz', handle: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      async handle(_req, res) {
        const names = sources.names;
        const up = await Promise.all(names.map((name) => sources.ping(name)));
        const status = Object.fromEntries(names.map((name, i) => [name, up[i] ? 'UP' : 'DOWN']));
        const ready = up.every(Boolean);
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', sources: status });
      },
    },
  ];
}
