import { LessThan, type DataSource, type EntityManager } from "typeorm";
import type { AuthConfig } from "../../core/config";
import { dialectOf } from "../../core/data-source";
import { inTransaction } from "../../core/transaction";
import { LoginAttempt } from "./login-attempt.entity";
import { countersFor, decide, forgive, type Counter, type CounterKey } from "./login-policy";

/** An attempt allowed to check its password; pass it back to `forgive` when the password was right. */
export interface Reservation {
  keys: CounterKey[];
  pairCount: number;
}

export type ReserveResult = { allowed: true; reservation: Reservation } | { allowed: false; retryAfterSeconds: number };

/** Rows forgotten per attempt at most, so that housekeeping after a flood of made-up emails stays cheap. */
const HOUSEKEEPING_BATCH = 200;

/**
 * Sign-in counters in the `login_attempts` table, shared by every server process on the database
 * (the rules are in login-policy.ts). An attempt is reserved (charged) in one transaction that
 * locks its counters' rows before reading them: on PostgreSQL an upsert then SELECT … FOR UPDATE
 * in key order, on SQLite the single writer (BEGIN IMMEDIATE) serialises reservations.
 */
export class LoginLimiter {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AuthConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async reserve(email: string, address: string | null): Promise<ReserveResult> {
    const keys = countersFor(this.config, email, address);
    return inTransaction(this.ds, async (m) => {
      const now = this.now(); // read once the lock is held: a queued attempt sees the time it really runs at
      const decision = decide(this.config, await this.lock(m, keys, now), now);
      await this.write(m, decision.changed);
      await this.forgetStale(m, now);
      return decision.allowed
        ? { allowed: true, reservation: { keys, pairCount: decision.pairCount } }
        : { allowed: false, retryAfterSeconds: decision.retryAfterSeconds };
    });
  }

  /** After the right password: call inside the transaction that opens the session. */
  async forgive(m: EntityManager, reservation: Reservation): Promise<void> {
    const now = this.now();
    const rows = await this.lock(m, reservation.keys, now);
    await this.write(m, forgive(rows, reservation.pairCount, now));
  }

  /** The counters' rows, created when missing and locked (upsert, then FOR UPDATE) in key order. */
  private async lock(m: EntityManager, keys: CounterKey[], now: Date): Promise<Counter[]> {
    await m
      .createQueryBuilder()
      .insert()
      .into(LoginAttempt)
      .values(keys.map((k) => ({ ...k, count: 0, windowStartedAt: now, notBefore: now })))
      .orUpdate(["scope"], ["key"])
      .execute();
    const query = m
      .getRepository(LoginAttempt)
      .createQueryBuilder("a")
      .where("a.key IN (:...keys)", { keys: keys.map((k) => k.key) })
      .orderBy("a.key");
    if (dialectOf(this.ds) === "postgres") query.setLock("pessimistic_write");
    return query.getMany();
  }

  private async write(m: EntityManager, changed: Counter[]): Promise<void> {
    for (const { key, count, windowStartedAt, notBefore } of changed) {
      await m.update(LoginAttempt, { key }, { count, windowStartedAt, notBefore });
    }
  }

  /** Housekeeping: counters whose delay ended more than the window ago count nothing any more. */
  private async forgetStale(m: EntityManager, now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - this.config.loginWindowMinutes * 60_000);
    if (dialectOf(this.ds) === "sqlite") {
      await m.delete(LoginAttempt, { notBefore: LessThan(cutoff) });
      return;
    }
    // SKIP LOCKED: never wait for (or deadlock with) another attempt holding a row.
    await m.query(
      `DELETE FROM "login_attempts" WHERE "key" IN (SELECT "key" FROM "login_attempts" WHERE "notBefore" < $1 LIMIT ${HOUSEKEEPING_BATCH} FOR UPDATE SKIP LOCKED)`,
      [cutoff],
    );
  }
}
