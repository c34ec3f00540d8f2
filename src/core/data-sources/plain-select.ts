import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A SELECT written by hand, its rows made into `entity` objects from the entity's metadata:
 * every column's value read back by the driver as TypeORM reads it (`prepareHydratedValue`:
 * dates, numbers, transformers), without the query builder's parameter handling and
 * hydration, which cost more than the statement on the hot read paths (profiled). `sql`
 * selects the entity's columns by their database names; `?` placeholders on both drivers.
 * Extra selected columns (e.g. a join's) are kept in `extra`, by their names as selected.
 */
export async function plainSelect<T extends ObjectLiteral>(
  source: DataSource,
  entity: EntityTarget<T>,
  sql: string,
  parameters: unknown[],
): Promise<{ entity: T; extra: Record<string, unknown> }[]> {
  const metadata = source.getMetadata(entity);
  const { driver } = source;
  const columns = metadata.columns.map((column) => ({ column, name: column.databaseName, property: column.propertyName }));
  const known = new Set(columns.map((c) => c.name));
  const rows = (await source.query(sql, parameters)) as Record<string, unknown>[];
  return rows.map((row) => {
    const value = metadata.create() as T;
    for (const { column, name, property } of columns) {
      if (name in row) (value as Record<string, unknown>)[property] = row[name] === null ? null : driver.prepareHydratedValue(row[name], column);
    }
    const extra: Record<string, unknown> = {};
    for (const key of Object.keys(row)) if (!known.has(key)) extra[key] = row[key];
    return { entity: value, extra };
  });
}

/** `alias.col1, alias.col2, …`: every column of `entity` by its database name, for a plainSelect. */
export function columnsOf(source: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const { driver } = source;
  return source
    .getMetadata(entity)
    .columns.map((c) => `${alias}.${driver.escape(c.databaseName)}`)
    .join(', ');
}

/** `?, ?, ?` for a list of values. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
