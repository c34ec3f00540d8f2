import { CreateCivilTables1763800000000 } from './1763800000000-create-civil-tables';

/** The civil source's migrations, oldest first. */
export const civilMigrations: Function[] = [CreateCivilTables1763800000000];
