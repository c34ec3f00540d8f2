import type { Viewer } from '../auth/viewer';
import { LoaderCache } from '../loaders/loader-cache';
import type { HubContext, HubServices } from './hub-context';

export function createHubContext(services: HubServices, viewer: Viewer): HubContext {
  const context: HubContext = { viewer, services, loaders: new LoaderCache(() => context) };
  return context;
}
