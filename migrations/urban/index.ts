import { CreateUrbanTables1796214474815 } from './1796214474815-create-urban-tables';

/** The urban source's migrations, oldest first. */
export const urbanMigrations: Function[] = [CreateUrbanTables1796214474815];
