import { CreateHubTables1763800000000 } from './1763800000000-create-hub-tables';
import { FeedCursorIncidents1764600000000 } from './1764600000000-feed-cursor-incidents';

/** The hub source's migrations, oldest first. */
export const hubMigrations: Function[] = [CreateHubTables1763800000000, FeedCursorIncidents1764600000000];
