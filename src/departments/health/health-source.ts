import type { DataSource } from 'typeorm';
import type { HubContext } from '../../core/graphql/hub-context';

/** The health department's data source name (HEALTH_DB_URL). */
export const HEALTH = 'health';

export function healthSource(context: HubContext): DataSource {
  return context.services.sources.get(HEALTH);
}
