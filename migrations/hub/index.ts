import { CreateHubTables1763800000000 } from './1763800000000-create-hub-tables';
import { CreateApiKeyRevocation1764700000000 } from './1764700000000-create-api-key-revocation';

/** The hub source's migrations, oldest first. */
export const hubMigrations: Function[] = [CreateHubTables1763800000000, CreateApiKeyRevocation1764700000000];
