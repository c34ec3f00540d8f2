import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Logger } from '../core/logging/logger';
import { reportClientProtocolErrors } from './client-protocol-errors';
import { matches, type Route } from './route';
import { sendJson } from './send';

export interface HubServerOptions {
  host: string;
  port: number;
  routes: Route[];
  /** The path graphql-ws listens on (the same as GraphQL over HTTP). */
  wsPath: string;
  /** The largest WebSocket message; a bigger one closes the socket with 1009. */
  wsMaxPayloadBytes?: number;
  logger: Logger;
  /** Told of each response: the path of the route that served it (undefined: none did) and its status. */
  observe?: (route: string | undefined, status: number) => void;
}

export interface ListeningServer {
  http: Server;
  ws: WebSocketServer;
  port: number;
  /**
   * Stops accepting, asks WebSocket clients to go (1001), lets in-flight requests finish and the
   * clients answer the close (up to `graceMs`), then closes every connection. The ws server
   * itself is closed by its owner.
   */
  close(graceMs?: number): Promise<void>;
}

export async function listen(options: HubServerOptions): Promise<ListeningServer> {
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const http = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    inFlight++;
    // Every answer says what it is (JSON, HTML, a bundle): a browser must not guess another type.
    response.setHeader('x-content-type-options', 'nosniff');
    const url = new URL(request.url ?? '/', 'http://hub.local');
    const route = options.routes.find((r) => matches(r, url.pathname));
    response.on('close', () => {
      options.observe?.(route?.path, response.statusCode);
      if (--inFlight === 0) drained?.();
    });
    try {
      if (!route) return sendJson(response, 404, { error: `nothing is served at ${url.pathname}` });
      await route.handle(request, response, url);
    } catch (error) {
      options.logger.error(`${request.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`, { method: request.method, path: url.pathname });
      if (!response.headersSent) sendJson(response, 500, { error: 'internal server error' });
      else response.destroy();
    }
  });
  const ws = new WebSocketServer({ noServer: true, ...(options.wsMaxPayloadBytes ? { maxPayload: options.wsMaxPayloadBytes } : {}) });
  http.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://hub.local');
    if (pathname !== options.wsPath) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    ws.handleUpgrade(request, socket, head, (client) => {
      reportClientProtocolErrors(client, request.socket.remoteAddress, options.logger);
      ws.emit('connection', client, request);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });

  return {
    http,
    ws,
    port: (http.address() as AddressInfo).port,
    // Half of the 10 s a stop may take: the feeds and the pools close after this.
    async close(graceMs = 5_000) {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const sockets = [...ws.clients];
      for (const client of sockets) client.close(1001, 'server shutting down');
      // Cut off before the client answered, a socket would see 1006 instead of the 1001 sent.
      const socketsClosed = Promise.all(sockets.map((client) => new Promise<void>((resolve) => (client.readyState === client.CLOSED ? resolve() : client.once('close', () => resolve())))));
      const requestsDone = inFlight > 0 ? new Promise<void>((resolve) => (drained = resolve)) : Promise.resolve();
      await Promise.race([Promise.all([requestsDone, socketsClosed]), delay(graceMs)]);
      http.closeAllConnections();
      for (const client of ws.clients) client.terminate();
      await closed;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
