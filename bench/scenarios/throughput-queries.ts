import type { ThroughputScenario } from '../scenario';
import { hubsPageQuery } from './hubs-page';
import { nearbyHubsQuery } from './nearby-hubs';
import { staticListQuery } from './static-list';
import { typenameQuery } from './typename';

/** Every query throughput scenario's definition, by name (the baseline process looks its own up here). */
export const THROUGHPUT_QUERIES: ThroughputScenario[] = [staticListQuery, typenameQuery, nearbyHubsQuery, hubsPageQuery];
