import { AsyncLocalStorage } from "node:async_hooks";
import { Client, type ClientConfig, type PoolClient } from "pg";
import type { DataSource, EntitySubscriberInterface } from "typeorm";
import type { BeforeQueryEvent } from "typeorm/subscriber/event/QueryEvent";
import { UnavailableError } from "./errors";
import type { OperationDeadline } from "./http-guards";
import { log } from "./logger";

/**
 * On PostgreSQL, an operation that runs past the operation timeout gives its pool connections
 * back: its running statements are cancelled (`pg_cancel_backend`) and any statement it issues
 * afterwards is refused before it reaches the database (a ROLLBACK still goes through, so a
 * transaction ends cleanly and its connection returns to the pool usable). Without this, the
 * red team's timed-out requests kept their statements running after the TIMEOUT answer, the pool
 * of 10 ran dry and other requests failed.
 *
 * How statements are tied to their operation: TypeORM services are shared by all requests, so
 * the operation's deadline travels in an AsyncLocalStorage (as sql-counter's counter does)
 * and the driver's connection checkout records which pool connections the operation holds.
 * A connection the operation gives back while its cancellation is on the way returns to the pool
 * only once the cancellation has landed, so it can never cancel another operation's statement.
 */

type Release = (err?: Error) => void;

interface PostgresDriverHooks {
  master: { options: ClientConfig };
  obtainMasterConnection(): Promise<[PoolClient, Release]>;
}

/** One operation's hold on the pool. */
class OperationHold {
  private readonly connections = new Set<PoolClient>();
  private emptied: (() => void)[] = [];
  /** Set (synchronously) when the deadline passes; settles once the cancellation has landed. */
  cancelled: Promise<void> | null = null;
  constructor(readonly deadline: OperationDeadline) {}

  take(connection: PoolClient): void {
    this.connections.add(connection);
  }

  /** Gives a connection back to the pool, after the cancellation if one is on the way. */
  giveBack(connection: PoolClient, release: () => void): void {
    const done = () => {
      release();
      this.connections.delete(connection);
      if (this.connections.size === 0) for (const resolve of this.emptied.splice(0)) resolve();
    };
    if (this.cancelled) void this.cancelled.then(done);
    else done();
  }

  backendPids(): number[] {
    return [...this.connections]
      .map((c) => (c as unknown as { processID?: number | null }).processID)
      .filter((pid): pid is number => Number.isInteger(pid));
  }

  /** Settles once every connection the operation took is back in the pool. */
  allReturned(): Promise<void> {
    if (this.connections.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.emptied.push(resolve));
  }
}

function timedOut(): UnavailableError {
  return new UnavailableError("The operation took longer than the time limit and was stopped; retry later");
}

/** Statements that end a transaction and must still run after the abort. */
const ENDS_TRANSACTION = /^\s*ROLLBACK\b/i;

const guards = new WeakMap<DataSource, PostgresOperationGuard>();

export class PostgresOperationGuard {
  private readonly current = new AsyncLocalStorage<OperationHold>();
  private readonly driver: PostgresDriverHooks;

  /** The data source's guard: one per data source (it hooks the driver), however many apps use it. */
  static for(ds: DataSource): PostgresOperationGuard {
    let guard = guards.get(ds);
    if (!guard) guards.set(ds, (guard = new PostgresOperationGuard(ds)));
    return guard;
  }

  private constructor(ds: DataSource) {
    this.driver = ds.driver as unknown as PostgresDriverHooks;
    const obtain = this.driver.obtainMasterConnection.bind(this.driver);
    this.driver.obtainMasterConnection = () => this.checkout(obtain);
    const refuseAfterAbort: EntitySubscriberInterface = {
      beforeQuery: (event: BeforeQueryEvent) => {
        const hold = this.current.getStore();
        if (hold?.deadline.aborted && !ENDS_TRANSACTION.test(event.query)) throw timedOut();
      },
    };
    ds.subscribers.push(refuseAfterAbort);
  }

  /**
   * Runs one operation so that its statements end when its deadline passes: the TIMEOUT answer
   * waits until they are cancelled and its connections are back in the pool.
   */
  run<T>(deadline: OperationDeadline, operation: () => T): T {
    const hold = new OperationHold(deadline);
    deadline.onAbort(() => this.stop(hold));
    return this.current.run(hold, operation);
  }

  /** Whether the caller runs inside an operation (a request), rather than background work such as an index rebuild. */
  inOperation(): boolean {
    return this.current.getStore() !== undefined;
  }

  private async checkout(obtain: () => Promise<[PoolClient, Release]>): Promise<[PoolClient, Release]> {
    const hold = this.current.getStore();
    if (!hold) return obtain();
    if (hold.deadline.aborted) throw timedOut();
    const [connection, release] = await obtain();
    if (hold.deadline.aborted) {
      release();
      throw timedOut();
    }
    hold.take(connection);
    return [connection, (err) => hold.giveBack(connection, () => release(err))];
  }

  /** Cancels what the operation runs now; its next statements are refused (beforeQuery). */
  private async stop(hold: OperationHold): Promise<void> {
    const pids = hold.backendPids();
    if (!pids.length) return;
    hold.cancelled = this.cancelBackends(pids);
    await hold.cancelled;
    await hold.allReturned();
  }

  /** Cancels the statements running on these backends, over a connection of its own (the pool may be full). */
  private async cancelBackends(pids: number[]): Promise<void> {
    const client = new Client({
      ...this.driver.master.options,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 5_000,
    });
    try {
      await client.connect();
      await client.query("SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid", [pids]);
      log.warn("cancelled the statements of a timed-out operation", { backends: pids.length });
    } catch (error) {
      // PostgreSQL's statement_timeout (at most the operation timeout) still ends them.
      log.warn("could not cancel the statements of a timed-out operation", { error });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
