import { CreateHubTables1763800000000 } from './1763800000000-create-hub-tables';

/** The hub source's migrations, oldest first. */
export const hubMigrations: Function[] = [CreateHubTables1763800000000];
