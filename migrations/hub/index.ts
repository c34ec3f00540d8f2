import { CreateHubTables1763800000000 } from './1763800000000-create-hub-tables';
import { FeedCursorIncidents1764600000000 } from './1764600000000-feed-cursor-incidents';
import { NarrowMetricRollups1764700000000 } from './1764700000000-narrow-metric-rollups';

/** The hub source's migrations, oldest first. */
export const hubMigrations: Function[] = [CreateHubTables1763800000000, FeedCursorIncidents1764600000000, NarrowMetricRollups1764700000000];
