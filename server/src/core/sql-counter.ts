import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, QueryRunner } from "typeorm";

/** Counts the SQL statements issued while a unit of work (one GraphQL request) runs. */
export class StatementCounter {
  count = 0;
  readonly statements: string[] = [];
}

const current = new AsyncLocalStorage<StatementCounter>();

export function withStatementCounter<T>(counter: StatementCounter, fn: () => T): T {
  return current.run(counter, fn);
}

/**
 * TypeORM logger that attributes each statement to the counter of the request that issued it,
 * and prints statements only when DEBUG_SQL is set.
 */
export class CountingLogger implements Logger {
  private readonly print = Boolean(process.env.DEBUG_SQL);

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const counter = current.getStore();
    if (counter) {
      counter.count += 1;
      if (counter.statements.length < 200) counter.statements.push(query);
    }
    if (this.print) console.log(`[sql] ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ""}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.print) console.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(time: number, query: string): void {
    if (this.print) console.warn(`[sql slow ${time}ms] ${query}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.print) console.log(`[migration] ${message}`);
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (this.print || level === "warn") console.log(`[typeorm ${level}] ${String(message)}`);
  }
}
