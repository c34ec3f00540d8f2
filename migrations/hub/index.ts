import { CreateHubTables1763800000000 } from './1763800000000-create-hub-tables';
import { FeedCursorIncidents1764600000000 } from './1764600000000-feed-cursor-incidents';
import { NarrowMetricRollups1764700000000 } from './1764700000000-narrow-metric-rollups';
import { CreateApiKeyRevocation1764800000000 } from './1764800000000-create-api-key-revocation';
import { RollupTiers1796300000000 } from './1796300000000-rollup-tiers';

/** The hub source's migrations, oldest first. */
export const hubMigrations: Function[] = [CreateHubTables1763800000000, FeedCursorIncidents1764600000000, NarrowMetricRollups1764700000000, CreateApiKeyRevocation1764800000000, RollupTiers1796300000000];
