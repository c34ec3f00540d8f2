import type { DataSource } from 'typeorm';
import type { HubContext } from '../../core/graphql/hub-context';

/** The civil department's data source name (CIVIL_DB_URL). */
export const CIVIL = 'civil';

export function civilSource(context: HubContext): DataSource {
  return context.services.sources.get(CIVIL);
}
