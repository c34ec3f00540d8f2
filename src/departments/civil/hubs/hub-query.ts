import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { whereHubHasFacility } from '../facilities/has-facility';
import type { HubFilter } from './hub-filter.input';
import { Hub } from './hub.entity';

/** LIKE's wildcards taken literally: `!` is the escape character (the same on SQLite and MySQL). */
export function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** Hubs matching a filter; every condition is a bound parameter. */
export function hubsMatching(source: DataSource, filter: HubFilter | undefined): SelectQueryBuilder<Hub> {
  const query = source.getRepository(Hub).createQueryBuilder('hub');
  if (filter?.street) query.andWhere('hub.street = :street', { street: filter.street.trim() });
  if (filter?.kind) query.andWhere('hub.kind = :kind', { kind: filter.kind });
  const text = filter?.text?.trim();
  // Case-insensitive on both drivers (SQLite's LIKE for ASCII, MySQL by its _ci collation).
  if (text) query.andWhere("hub.name LIKE :text ESCAPE '!'", { text: likePattern(text) });
  if (filter?.facility) whereHubHasFacility(query, source, filter.facility);
  return query;
}
