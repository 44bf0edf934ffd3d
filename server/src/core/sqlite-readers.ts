import { availableParallelism } from "node:os";
import Database from "better-sqlite3";
import type { DataSource, ObjectLiteral, QueryRunner, ReplicationMode, SelectQueryBuilder } from "typeorm";
import { QueryFailedError } from "typeorm";
import type { BetterSqlite3Driver } from "typeorm/driver/better-sqlite3/BetterSqlite3Driver";
import { BetterSqlite3QueryRunner } from "typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner";
import { QueryResult } from "typeorm/query-runner/QueryResult";
import { closeWithDataSource } from "./close-with-data-source";
import { isDirectoryError } from "./errors";
import { SqliteReadWorker, type ReadWorkerOptions } from "./sqlite-read-worker";

/** A query runner on a connection of our own instead of the driver's single shared one. */
class ReaderQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly handle: () => Database.Database,
  ) {
    super(driver);
  }

  override connect(): Promise<Database.Database> {
    return Promise.resolve(this.handle());
  }
}

/**
 * A query runner whose statements run in the read worker (core/sqlite-read-worker.ts). With
 * `inline`, its reads are light ones: run in the worker when it is free of heavy reads
 * (`takesLightRead`), else on `inline`, the event loop's own reader.
 */
class OffThreadQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly worker: SqliteReadWorker,
    private readonly inline: (() => QueryRunner) | null = null,
  ) {
    super(driver);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature TypeORM's QueryRunner declares
  override async query(query: string, parameters: unknown[] = [], useStructuredResult = false): Promise<any> {
    if (this.inline && !this.worker.takesLightRead())
      return useStructuredResult
        ? this.inline().query(query, parameters, true)
        : this.inline().query(query, parameters);
    // better-sqlite3 cannot bind booleans: 0/1, as the driver's own runner does.
    const params = parameters.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
    const logger = this.driver.dataSource.logger;
    logger.logQuery(query, params, this);
    let rows: unknown[];
    try {
      rows = await this.worker.all(query, params, this.inline !== null);
    } catch (e) {
      if (isDirectoryError(e)) throw e;
      logger.logQueryError(e as Error, query, params, this);
      throw new QueryFailedError(query, params, e as Error);
    }
    if (!useStructuredResult) return rows;
    const result = new QueryResult();
    result.raw = rows;
    result.records = rows;
    return result;
  }
}

interface Readers {
  offThread: OffThreadQueryRunner;
  /** Light reads: the worker when it is free of heavy ones, else the event loop's reader (null: one core). */
  whenFree: OffThreadQueryRunner | null;
}

const readersByDriver = new WeakMap<object, Readers>();

export type SqliteReaderOptions = ReadWorkerOptions;

/**
 * Gives a file-backed SQLite data source two more connections on the same file, both read-only:
 *
 * - reads outside a transaction (TypeORM asks for a "slave" query runner for every query builder
 *   and repository read) go to a reader connection of their own. TypeORM's better-sqlite3 driver
 *   otherwise runs everything on one connection, where a read issued while a write transaction
 *   is open sees its uncommitted rows. With WAL, the reader sees only committed data. Reads inside
 *   a transaction use the transaction's manager, hence the writer, and see their own writes.
 * - heavy reads (see `offMainThread`) go to a worker thread (core/sqlite-read-worker.ts).
 *
 * Raw `ds.query()` calls still run on the writer: keep them for writes and trivial statements.
 */
export function attachSqliteReaders(ds: DataSource, options: SqliteReaderOptions): void {
  const driver = ds.driver as BetterSqlite3Driver;
  let connection: Database.Database | null = null;
  const open = (): Database.Database => {
    if (!connection) {
      connection = new Database(options.path, { fileMustExist: true });
      connection.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs)}`);
      connection.pragma("query_only = ON");
    }
    return connection;
  };
  let reader: ReaderQueryRunner | null = null;
  const mainReader = () => (reader ??= new ReaderQueryRunner(driver, open));
  const worker = new SqliteReadWorker(options);
  readersByDriver.set(driver, {
    offThread: new OffThreadQueryRunner(driver, worker),
    // With one core there is nothing to run beside: a light read would only pay for crossing threads.
    whenFree: availableParallelism() > 1 ? new OffThreadQueryRunner(driver, worker, mainReader) : null,
  });

  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: ReplicationMode): QueryRunner =>
    mode === "slave" ? mainReader() : createQueryRunner(mode);

  closeWithDataSource(ds, async () => {
    await worker.close();
    connection?.close();
    connection = null;
    reader = null;
  });
}

/**
 * Runs a heavy read (one that may take seconds over a large directory: facet counts, eligibility
 * ranking, full-text search) off the event loop. On SQLite its statements go to the read worker;
 * on PostgreSQL the pool already runs them on the server, so nothing changes.
 */
export function offMainThread<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const readers = readersByDriver.get(qb.connection.driver);
  if (readers) qb.setQueryRunner(readers.offThread);
  return qb;
}

/**
 * Runs a light read (a page of programs) in the read worker when the worker holds no heavy read,
 * else on the event loop as any read: on a machine with a core to spare, the statement of one
 * request runs while the event loop does the GraphQL work of others. With a single core, and on
 * PostgreSQL, nothing changes.
 */
export function offMainThreadWhenFree<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const whenFree = readersByDriver.get(qb.connection.driver)?.whenFree;
  if (whenFree) qb.setQueryRunner(whenFree);
  return qb;
}

/** A raw heavy read: the read worker on SQLite, the pool on PostgreSQL. */
export function heavyQuery<T = unknown>(ds: DataSource, sql: string, parameters: unknown[]): Promise<T[]> {
  const readers = readersByDriver.get(ds.driver);
  return (readers ? readers.offThread.query(sql, parameters) : ds.query(sql, parameters)) as Promise<T[]>;
}
