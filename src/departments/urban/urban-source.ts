import type { DataSource } from 'typeorm';
import type { HubContext } from '../../core/graphql/hub-context';

/** The 城管局 data source's name (URBAN_DB_URL; unset: DATA_DIR/urban.sqlite). */
export const URBAN = 'urban';

export function urbanSource(context: HubContext): DataSource {
  return context.services.sources.get(URBAN);
}
