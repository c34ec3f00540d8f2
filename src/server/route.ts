import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP route: the server tries them in order; the first whose path matches handles the request. */
export interface Route {
  /** Exact path, e.g. `/healthz`, or a prefix ending in `/*`, e.g. `/screen/*`. */
  path: string;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> | void;
}

export function matches(route: Route, pathname: string): boolean {
  return route.path.endsWith('/*') ? pathname.startsWith(route.path.slice(0, -1)) || pathname === route.path.slice(0, -2) : pathname === route.path;
}
