import type { DataSource } from 'typeorm';

/** What the hub needs of a column: the kind of value it reads, and whether it accepts NULL. */
export interface ColumnRead {
  kind: 'int' | 'number' | 'datetime' | 'text';
  nullable: boolean;
}

/** Table (or view) -> column -> what the hub reads there. */
export type SourceReads = Map<string, Map<string, ColumnRead>>;

/** A column as the database describes it; `type` empty and `nullable` undefined where it cannot tell (a SQLite view). */
interface FoundColumn {
  table: string;
  column: string;
  type: string;
  nullable: boolean | undefined;
}

const KIND_OF_DECLARED: [RegExp, ColumnRead['kind']][] = [
  [/int/i, 'int'],
  [/double|float|decimal|real|numeric/i, 'number'],
  [/date|time/i, 'datetime'],
  [/char|text|clob|^string$/i, 'text'],
  [/^number$/i, 'number'],
];

const ACCEPTS: Record<ColumnRead['kind'], RegExp> = {
  int: /^(tiny|small|medium|big)?int(eger)?\b/i,
  // Not decimal: mysql2 hands it over as a string (the view casts it to DOUBLE).
  number: /^((tiny|small|medium|big)?int(eger)?|double( precision)?|float|real)\b/i,
  datetime: /^(datetime|timestamp)\b/i,
  text: /^(char|varchar|tinytext|text|mediumtext|longtext|enum|character|varying|nvarchar|nchar|clob)\b/i,
};

const KIND_WORDS: Record<ColumnRead['kind'], string> = { int: 'an integer', number: 'a number', datetime: 'a date-time', text: 'text' };

/** What a source's entities read: every mapped column of every table, with its kind and nullability. */
export function readsOfEntities(source: DataSource): SourceReads {
  const reads: SourceReads = new Map();
  for (const entity of source.entityMetadatas) {
    const columns = new Map<string, ColumnRead>();
    for (const column of entity.columns) {
      // An undeclared type is the property's: a generated id's Number is an integer.
      const declared = typeof column.type === 'string' ? column.type : column.isGenerated ? 'int' : column.type.name;
      const kind = KIND_OF_DECLARED.find(([pattern]) => pattern.test(declared))?.[1];
      if (!kind) throw new Error(`${entity.tableName}.${column.databaseName}: no schema check for the column type "${declared}"`);
      columns.set(column.databaseName, { kind, nullable: column.isNullable });
    }
    reads.set(entity.tableName, columns);
  }
  return reads;
}

/**
 * Checks that an external source has every table and column the hub reads, with a compatible type
 * and NULL only where the hub accepts it. Returns the problems, each naming what is wrong, e.g.
 * `table footfall_reading has no column entered`; none when the source fits.
 */
export async function schemaProblems(source: DataSource, reads: SourceReads): Promise<string[]> {
  const found = new Map<string, Map<string, FoundColumn>>();
  for (const column of await describeColumns(source)) {
    const table = column.table.toLowerCase();
    if (!found.has(table)) found.set(table, new Map());
    found.get(table)!.set(column.column.toLowerCase(), column);
  }
  const problems: string[] = [];
  for (const [table, columns] of reads) {
    const there = found.get(table.toLowerCase());
    if (!there) {
      problems.push(`there is no table or view ${table}`);
      continue;
    }
    for (const [name, read] of columns) {
      const column = there.get(name.toLowerCase());
      if (!column) problems.push(`table ${table} has no column ${name}`);
      else if (column.type !== '' && !ACCEPTS[read.kind].test(column.type)) problems.push(`column ${table}.${name} is ${column.type}, the hub reads ${KIND_WORDS[read.kind]}`);
      else if (column.nullable === true && !read.nullable) problems.push(`column ${table}.${name} may be NULL, which the hub does not accept there`);
    }
  }
  return problems;
}

/** Thrown when an external source does not fit: not an outage, so it opens no breaker; the health check tries again. */
export class SourceSchemaError extends Error {
  constructor(source: string, problems: readonly string[]) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'SourceSchemaError';
  }
}

/** Throws a SourceSchemaError naming every problem, when there is one. */
export async function checkSourceSchema(name: string, source: DataSource): Promise<void> {
  const problems = await schemaProblems(source, readsOfEntities(source));
  if (problems.length > 0) throw new SourceSchemaError(name, problems);
}

async function describeColumns(source: DataSource): Promise<FoundColumn[]> {
  if (source.options.type === 'better-sqlite3') {
    const rows: { t: string; kind: string; c: string; type: string; notnull: number; pk: number }[] = await source.query(
      `SELECT m.name AS t, m.type AS kind, p.name AS c, p.type AS type, p."notnull" AS "notnull", p.pk AS pk
         FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type IN ('table', 'view')`,
    );
    // SQLite cannot tell a view column's nullability; an INTEGER PRIMARY KEY is the rowid, never NULL.
    return rows.map((r) => ({ table: r.t, column: r.c, type: r.type, nullable: r.kind === 'view' ? undefined : r.notnull === 0 && r.pk === 0 }));
  }
  const rows: { t: string; c: string; type: string; nullable: string }[] = await source.query(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS type, IS_NULLABLE AS nullable
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
  );
  return rows.map((r) => ({ table: r.t, column: r.c, type: r.type, nullable: r.nullable === 'YES' }));
}
