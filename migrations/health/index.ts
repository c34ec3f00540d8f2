import { CreateHealthTables1763800000000 } from './1763800000000-create-health-tables';

/** The health source's migrations, oldest first. */
export const healthMigrations: Function[] = [CreateHealthTables1763800000000];
