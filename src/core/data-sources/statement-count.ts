import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

/** SQL statements per data source name, e.g. { civil: 4 }. */
export type StatementTally = Record<string, number>;

const tallies = new AsyncLocalStorage<StatementTally>();

/**
 * Runs `work` and counts the SQL statements it sends, per source. Counting follows the async
 * context, so statements of other requests and of background jobs (feeds, the simulator) are
 * not counted: this is how the tests prove a query costs a constant number of statements.
 */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: StatementTally }> {
  const statements: StatementTally = {};
  const result = await tallies.run(statements, work);
  return { result, statements };
}

/** A TypeORM logger that only counts (the hub logs no SQL: it may hold personal data). */
export class StatementCountingLogger implements Logger {
  constructor(private readonly source: string) {}

  logQuery(): void {
    const tally = tallies.getStore();
    if (tally) tally[this.source] = (tally[this.source] ?? 0) + 1;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
