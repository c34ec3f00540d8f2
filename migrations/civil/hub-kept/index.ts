import { CreateHubKeptBookings1796300000000 } from './1796300000000-create-hub-kept-bookings';

/** What the hub's own source holds for civil when civil's source is external (CIVIL_DB_EXTERNAL), oldest first. */
export const civilHubKeptMigrations: Function[] = [CreateHubKeptBookings1796300000000];
