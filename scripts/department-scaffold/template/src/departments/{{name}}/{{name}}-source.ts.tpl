import type { DataSource } from 'typeorm';
import type { HubContext } from '../../core/graphql/hub-context';

/** The {{title}} data source's name ({{NAME}}_DB_URL; unset: DATA_DIR/{{name}}.sqlite). */
export const {{NAME}} = '{{name}}';

export function {{name}}Source(context: HubContext): DataSource {
  return context.services.sources.get({{NAME}});
}
