import type { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * `source.transaction(work)`, except that on SQLite transactions run one after another.
 * TypeORM's better-sqlite3 driver has a single connection: two transactions begun at once would
 * share it (the second becoming a savepoint of the first). MySQL gives each its own connection.
 */
export function serialTransaction<T>(source: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (source.options.type !== 'better-sqlite3') return source.transaction(work);
  const previous = queues.get(source) ?? Promise.resolve();
  const run = previous.then(() => source.transaction(work));
  queues.set(
    source,
    run.catch(() => undefined),
  );
  return run;
}
