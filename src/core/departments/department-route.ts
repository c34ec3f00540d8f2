import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Viewer } from '../auth/viewer';
import type { HubServices } from '../graphql/hub-context';

/**
 * An HTTP route a department adds (the review's reports): the server serves it as one of its
 * own, knowing nothing of the department. `/reports/review.xlsx` is an exact path; a prefix
 * ends in `/*`.
 */
export interface DepartmentRoute {
  path: string;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> | void;
}

/** What the server hands a department's routes: the shared services, and who presented the request's `Authorization` (checked as /graphql checks it). */
export interface DepartmentRouteContext {
  services: HubServices;
  /** Throws a HubError (UNAUTHENTICATED, RATE_LIMITED, …) for a credential that is not accepted. */
  identify(request: IncomingMessage): Promise<Viewer>;
}
