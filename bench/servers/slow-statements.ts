/**
 * With `npm run bench -- --profile DIR`, each app contender writes the statements that took over
 * 50 ms, with the database's plan for each, to DIR/slow-statements-<pid>.log (TypeORM's slow-query
 * hook: statements SQLite runs on its read worker thread are not seen here).
 */
import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import { dialectOf } from "../../server/src/core/data-source";

export const SLOW_STATEMENT_MS = 50;

export function logSlowStatements(ds: DataSource, dir: string): void {
  const file = path.join(dir, `slow-statements-${process.pid}.log`);
  fs.mkdirSync(dir, { recursive: true });
  (ds.driver.options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime = SLOW_STATEMENT_MS;
  const explain = dialectOf(ds) === "postgres" ? "EXPLAIN" : "EXPLAIN QUERY PLAN";
  ds.logger.logQuerySlow = (ms: number, query: string, parameters?: unknown[]) => {
    if (/^\s*(EXPLAIN|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) return;
    void ds
      .query(`${explain} ${query}`, parameters)
      .then((rows: Record<string, unknown>[]) => rows.map((r) => Object.values(r).join(" ")).join("\n"))
      .catch((e: Error) => `(no plan: ${e.message})`)
      .then((plan) =>
        fs.promises.appendFile(
          file,
          `-- ${ms} ms\n${query}\n-- parameters: ${JSON.stringify(parameters ?? []).slice(0, 500)}\n${plan}\n\n`,
        ),
      );
  };
}
