import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../core/logging/logger';
import { matches, type Route } from '../route';
import { sendJson } from '../send';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** A listener of its own for /metrics (METRICS_PORT), e.g. on a port only the monitoring network reaches. */
export async function listenForMetrics(host: string, port: number, route: Route, logger: Logger): Promise<MetricsServer> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://hub.local');
    try {
      if (!matches(route, url.pathname)) return sendJson(response, 404, { error: `nothing is served at ${url.pathname}` });
      await route.handle(request, response, url);
    } catch (error) {
      logger.error(`metrics: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal server error' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
