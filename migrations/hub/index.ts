import { CreateHubTables1763800000000 } from './1763800000000-create-hub-tables';
import { FeedCursorIncidents1764600000000 } from './1764600000000-feed-cursor-incidents';
import { NarrowMetricRollups1764700000000 } from './1764700000000-narrow-metric-rollups';
import { CreateApiKeyRevocation1764800000000 } from './1764800000000-create-api-key-revocation';
import { RollupTiers1796300000000 } from './1796300000000-rollup-tiers';
import { RollupTierBucketIndex1796400000000 } from './1796400000000-rollup-tier-bucket-index';
import { RollupMonthTier1796500000000 } from './1796500000000-rollup-month-tier';

/** The hub source's migrations, oldest first. */
export const hubMigrations: Function[] = [CreateHubTables1763800000000, FeedCursorIncidents1764600000000, NarrowMetricRollups1764700000000, CreateApiKeyRevocation1764800000000, RollupTiers1796300000000, RollupTierBucketIndex1796400000000, RollupMonthTier1796500000000];
