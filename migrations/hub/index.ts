import { CreateHubTables1763800000000 } from './1763800000000-create-hub-tables';
import { FeedCursorIncidents1764600000000 } from './1764600000000-feed-cursor-incidents';
import { NarrowMetricRollups1764700000000 } from './1764700000000-narrow-metric-rollups';
import { CreateApiKeyRevocation1764800000000 } from './1764800000000-create-api-key-revocation';

/** The hub source's migrations, oldest first. */
export const hubMigrations: Function[] = [CreateHubTables1763800000000, FeedCursorIncidents1764600000000, NarrowMetricRollups1764700000000, CreateApiKeyRevocation1764800000000];
