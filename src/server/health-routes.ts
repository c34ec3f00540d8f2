import type { SourceRegistry } from '../core/data-sources/source-registry';
import type { FeedStatus } from '../live/live-service';
import type { Route } from './route';
import { sendJson } from './send';

/**
 * `/healthz`: the process is up. `/readyz`: every data source is up by its guard's last check
 * (else 503, naming which and since when); it answers at once, never waiting on a dead source.
 * Failing feeds are listed in its body but leave it 200: every instance shares a feed's cursor,
 * so a 503 would take them all out of the load balancer for a fault none of them can mend. The
 * error's words (which can name hosts) are left to `departments`, for SCREEN and ADMIN keys.
 */
export function healthRoutes(sources: SourceRegistry, feeds: () => Promise<FeedStatus[]>): Route[] {
  return [
    { path: '/healthz', handle: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      async handle(_req, res) {
        const names = sources.names;
        const statuses = await feeds();
        const up = names.map((name) => sources.isUp(name));
        const status = Object.fromEntries(names.map((name, i) => [name, up[i] ? 'UP' : 'DOWN']));
        const down = names
          .map((name) => sources.health(name))
          .filter((h) => !h.up)
          .map((h) => ({ source: h.source, downSince: h.downSince?.toISOString() ?? null }));
        const failingFeeds = statuses
          .filter((f) => f.failingSince !== null)
          .map((f) => ({ feed: f.feed, failingSince: f.failingSince!.toISOString() }));
        const ready = up.every(Boolean);
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', sources: status, down, failingFeeds });
      },
    },
  ];
}
