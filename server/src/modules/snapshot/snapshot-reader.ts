/**
 * One consistent, read-only view of the database for the length of an export, read a chunk at a
 * time so memory stays flat whatever the directory's size.
 *
 * - SQLite: a second, read-only better-sqlite3 connection to the same file inside BEGIN … COMMIT.
 *   In WAL mode its first read fixes the snapshot every later read sees, while the app's own
 *   connection keeps writing. (Sharing TypeORM's single connection would let other requests'
 *   statements run inside the export's transaction, and better-sqlite3 refuses writes on a
 *   connection while one of its iterators is open.) Rows come from `Statement.iterate()` in raw
 *   mode: arrays, which better-sqlite3 builds at less than half the cost of objects.
 * - PostgreSQL: one pooled connection in a REPEATABLE READ READ ONLY transaction, rows from a
 *   server-side cursor (DECLARE … CURSOR, FETCH n). TypeORM's stream() does not cover SQLite.
 */
import Database from "better-sqlite3";
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { dialectOf, rawSqlite, type Dialect } from "../../core/data-source";
import { SnapshotError } from "./snapshot.errors";

/** A row as an array of its values, in the order the statement selects them. */
export type Row = unknown[];

export interface SnapshotReader {
  readonly dialect: Dialect;
  /** The rows of `sql`, in its order, `chunkSize` at a time; nothing else is held. */
  chunks(sql: string, chunkSize: number): AsyncGenerator<Row[]>;
  /**
   * A small query (counts, one chunk's relations), with bind parameters (`?` on SQLite, `$1` on
   * PostgreSQL). On SQLite each distinct statement is prepared once and reused for every chunk.
   */
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export async function openSnapshotReader(ds: DataSource): Promise<SnapshotReader> {
  return dialectOf(ds) === "postgres" ? openPostgresReader(ds) : openSqliteReader(ds);
}

function openSqliteReader(ds: DataSource): SnapshotReader {
  const shared = rawSqlite(ds);
  if (!shared || shared.memory || !shared.name || shared.name === ":memory:") {
    throw new SnapshotError(
      "snapshot export needs a file-backed SQLite database (an in-memory one has no second connection to read a consistent view from)",
    );
  }
  const db = new Database(shared.name, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.exec("BEGIN");
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql).raw(true)));
    return statement;
  };
  return {
    dialect: "sqlite",
    async *chunks(sql, chunkSize) {
      let chunk: Row[] = [];
      // for…of closes the statement when the consumer stops early or throws.
      for (const row of db.prepare(sql).raw(true).iterate() as IterableIterator<Row>) {
        chunk.push(row);
        if (chunk.length >= chunkSize) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length) yield chunk;
    },
    async all(sql, params = []) {
      return prepared(sql).all(...params) as Row[];
    },
    async close() {
      try {
        if (db.inTransaction) db.exec("COMMIT");
      } finally {
        db.close();
      }
    },
  };
}

/** pg gives objects with the columns in select order (every select here names each column once). */
function asArrays(rows: Record<string, unknown>[]): Row[] {
  return rows.map((row) => Object.values(row));
}

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** PostgreSQL: rows from a server-side cursor, `chunkSize` at a time (inside a transaction). */
async function* cursorChunks(query: Query, cursor: string, sql: string, chunkSize: number): AsyncGenerator<Row[]> {
  await query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`);
  try {
    for (;;) {
      const rows = asArrays(await query(`FETCH ${Number(chunkSize)} FROM ${cursor}`));
      if (rows.length) yield rows;
      if (rows.length < chunkSize) break;
    }
  } finally {
    // After a failed statement the transaction is aborted and CLOSE would only add noise.
    await query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

/**
 * The database as a transaction sees it, through that transaction's manager: an import reads
 * the directory before and after its writes, in the same transaction. PostgreSQL reads through a
 * cursor; on SQLite (one connection, which other requests share) each chunk is one complete
 * statement (LIMIT/OFFSET on the ordered key), so no statement stays open between chunks.
 */
export function transactionReader(ds: DataSource, m: EntityManager): SnapshotReader {
  const dialect = dialectOf(ds);
  const query: Query = (sql, params) => m.query(sql, params);
  let seq = 0;
  return {
    dialect,
    async *chunks(sql, chunkSize) {
      if (dialect === "postgres") {
        yield* cursorChunks(query, `snapshot_tx_cursor_${++seq}`, sql, chunkSize);
        return;
      }
      for (let offset = 0; ; offset += chunkSize) {
        const rows = asArrays(await query(`${sql} LIMIT ${Number(chunkSize)} OFFSET ${offset}`));
        if (rows.length) yield rows;
        if (rows.length < chunkSize) break;
      }
    },
    async all(sql, params) {
      return asArrays(await query(sql, params));
    },
    async close() {},
  };
}

async function openPostgresReader(ds: DataSource): Promise<SnapshotReader> {
  const qr: QueryRunner = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (e) {
    await qr.release();
    throw e;
  }
  let seq = 0;
  return {
    dialect: "postgres",
    chunks(sql, chunkSize) {
      return cursorChunks((text, params) => qr.query(text, params), `snapshot_cursor_${++seq}`, sql, chunkSize);
    },
    async all(sql, params) {
      return asArrays(await qr.query(sql, params));
    },
    async close() {
      try {
        await qr.query("COMMIT");
      } finally {
        await qr.release();
      }
    },
  };
}
