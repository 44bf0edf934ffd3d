import type { Database, Statement } from "better-sqlite3";
import type { DataSource, QueryRunner } from "typeorm";
import { dialectOf, rawSqlite } from "../../core/data-source";

export type Cell = string | number | boolean | Date | null;

/**
 * Multi-row INSERTs inside one transaction, per dialect: on SQLite through the raw
 * better-sqlite3 handle (prepared once per batch size, no ORM in the loop); on PostgreSQL as
 * parameterised multi-row VALUES. Values are converted exactly as TypeORM would store them.
 */
export interface BulkWriter {
  insert(table: string, columns: readonly string[], rows: readonly Cell[][]): Promise<void>;
  /** Moves the id sequence of a table past ids that were inserted explicitly. */
  syncSequence(table: string): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

function sqliteValue(v: Cell): string | number | null {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  // TypeORM's SQLite format: UTC, "YYYY-MM-DD HH:MM:SS.SSS".
  return v.toISOString().replace("T", " ").replace("Z", "");
}

class SqliteWriter implements BulkWriter {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    db.exec("BEGIN IMMEDIATE");
  }

  private statement(table: string, columns: readonly string[], count: number): Statement {
    const key = `${table}:${count}`;
    let stmt = this.cache.get(key);
    if (!stmt) {
      const one = `(${columns.map(() => "?").join(", ")})`;
      stmt = this.db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${Array(count).fill(one).join(", ")}`,
      );
      this.cache.set(key, stmt);
    }
    return stmt;
  }

  async insert(table: string, columns: readonly string[], rows: readonly Cell[][]): Promise<void> {
    // SQLite allows 32766 bound values per statement.
    const per = Math.max(1, Math.min(500, Math.floor(30000 / columns.length)));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const values: (string | number | null)[] = [];
      for (const row of chunk) for (const v of row) values.push(sqliteValue(v));
      this.statement(table, columns, chunk.length).run(values);
    }
  }

  async syncSequence(): Promise<void> {
    // AUTOINCREMENT keeps sqlite_sequence at the highest id inserted, explicit or not.
  }

  async commit(): Promise<void> {
    this.db.exec("COMMIT");
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }
}

class PostgresWriter implements BulkWriter {
  constructor(private readonly runner: QueryRunner) {}

  async insert(table: string, columns: readonly string[], rows: readonly Cell[][]): Promise<void> {
    // PostgreSQL allows 65535 parameters per statement.
    const per = Math.max(1, Math.min(1000, Math.floor(60000 / columns.length)));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params: Cell[] = [];
      const tuples = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`);
      await this.runner.query(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${tuples.join(", ")}`,
        params,
      );
    }
  }

  async syncSequence(table: string): Promise<void> {
    await this.runner.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT MAX(id) FROM ${quote(table)}), 0) + 1, false)`,
      [table],
    );
  }

  async commit(): Promise<void> {
    await this.runner.commitTransaction();
    await this.runner.release();
  }

  async rollback(): Promise<void> {
    if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    await this.runner.release();
  }
}

/** Opens a transaction on the data source's own connection and returns a writer inside it. */
export async function openBulkWriter(ds: DataSource): Promise<BulkWriter> {
  if (dialectOf(ds) === "sqlite") {
    return new SqliteWriter(rawSqlite(ds));
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  return new PostgresWriter(runner);
}
