import type { AuditLog } from '../audit/audit-log';
import type { ApiClientStore } from '../auth/api-client-store';
import type { Viewer } from '../auth/viewer';
import type { SourceRegistry } from '../data-sources/source-registry';
import type { LoaderCache } from '../loaders/loader-cache';
import type { HubPubSub } from '../pubsub/hub-pubsub';
import type { ServiceRegistry } from '../services/service-registry';

/** What lives as long as the process, shared by every request. */
export interface HubServices {
  sources: SourceRegistry;
  pubSub: HubPubSub;
  /** API clients and their keys, in the hub source. */
  clients: ApiClientStore;
  audit: AuditLog;
  registry: ServiceRegistry;
}

/** The context of one GraphQL operation. */
export interface HubContext {
  viewer: Viewer;
  services: HubServices;
  loaders: LoaderCache;
}
