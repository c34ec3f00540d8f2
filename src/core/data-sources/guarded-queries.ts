import type { DataSource, QueryRunner } from 'typeorm';
import { ExternalSourceWriteError } from './external-write-error';
import type { SourceGuard } from './source-guard';
import { SourceDownError } from './source-down-error';

const RAW_QUERY = Symbol('rawQuery');

/** A statement that begins a transaction is new work, refused while the source is down like any other. */
const TRANSACTION_START = /^\s*(START TRANSACTION|BEGIN|SET TRANSACTION)/i;

/** A statement that writes or changes the schema: refused on an external source before it is sent. */
const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE|UPSERT|MERGE|CREATE|ALTER|DROP|TRUNCATE|RENAME|GRANT|REVOKE|LOAD|CALL|LOCK)\b/i;

/** A table, view or column the statement names is not there: MySQL 1054, 1146, 1356 (a view over a changed table); SQLite's words. */
function isSchemaError(error: unknown): boolean {
  const cause = (error as { driverError?: { errno?: number; message?: string } } | null)?.driverError ?? (error as { errno?: number; message?: string } | null);
  return [1054, 1146, 1356].includes(cause?.errno ?? 0) || /no such (column|table)/i.test(cause?.message ?? '');
}

type Query = QueryRunner['query'];
type GuardedRunner = QueryRunner & { [RAW_QUERY]?: Query; databaseConnection?: { destroy?: () => void } };

/**
 * Sends every statement of `source` through its guard. TypeORM makes a query runner for each
 * repository call, query builder and transaction, so this one hook covers them all. Statements of
 * a transaction already begun go through even while new work is refused, so that it can commit or
 * roll back on its own connection; a MySQL connection that outlives the timeout is destroyed (the
 * server rolls back what it held) rather than handed back to the pool mid-statement. On an
 * `external` source every write is refused here, whoever sends it, and a statement that meets a
 * missing table or column takes the source down until its tables are checked again.
 */
export function guardQueries(source: DataSource, guard: SourceGuard, { external = false }: { external?: boolean } = {}): void {
  const driver = source.driver as unknown as { createQueryRunner(mode: string): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  const pooled = source.options.type === 'mysql' || source.options.type === 'mariadb';
  driver.createQueryRunner = (mode: string) => {
    const runner = create(mode) as GuardedRunner;
    // SQLite hands out one shared runner: wrap it once.
    if (runner[RAW_QUERY]) return runner;
    const raw = runner.query.bind(runner) as Query;
    runner[RAW_QUERY] = raw;
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      // The department's own database: whatever tries to write (an ingest, a seed, a simulator) is told why not.
      if (external && WRITE.test(sql)) return Promise.reject(new ExternalSourceWriteError(guard.source));
      const result = guard.run(() => raw(sql, parameters, structured as never), {
        gate: !runner.isTransactionActive || TRANSACTION_START.test(sql),
        onTimeout: pooled ? () => runner.databaseConnection?.destroy?.() : undefined,
      });
      if (!external) return result;
      // Its DBA changed a table or view under the hub: the department is down until the check passes again.
      return result.catch((error: unknown) => {
        if (!isSchemaError(error)) throw error;
        guard.suspend(`${guard.source}: a query met a table or column that is not there (${firstLine(error)}); checking its tables again`);
        throw new SourceDownError(guard.source, error);
      });
    }) as Query;
    return runner;
  };
}

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/** `SELECT 1` past the guard: the health check's probe, which must reach a source the guard refuses; `abandon` frees a probe that hangs. */
export function probePastGuard(source: DataSource): { probe(): Promise<void>; abandon(): void } {
  const pooled = source.options.type === 'mysql' || source.options.type === 'mariadb';
  let current: GuardedRunner | undefined;
  return {
    async probe() {
      const runner = source.createQueryRunner() as GuardedRunner;
      current = runner;
      try {
        await (runner[RAW_QUERY] ?? (runner.query.bind(runner) as Query))('SELECT 1');
      } finally {
        if (pooled) await runner.release();
      }
    },
    abandon() {
      if (pooled) current?.databaseConnection?.destroy?.();
    },
  };
}
