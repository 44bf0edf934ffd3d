import { log } from "../../core/logger";
import { createHash, randomBytes } from "node:crypto";
import { LessThan, type DataSource } from "typeorm";
import type { AuthConfig } from "../../core/config";
import { UnauthenticatedError } from "../../core/errors";
import { inTransaction } from "../../core/transaction";
import { CuratorSession } from "./curator-session.entity";
import { Curator } from "./curator.entity";
import { normalizeEmail, type CuratorService } from "./curator.service";
import { decoyHash, PASSWORD_MAX_LENGTH, verifyPassword } from "./password";
import { LoginLimiter } from "./login-limiter";

const HOUR_MS = 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Too early: answered without checking the password; HTTP 429 with Retry-After, like the other rate limits. */
function rateLimited(retryAfterSeconds: number): UnauthenticatedError {
  const wait =
    retryAfterSeconds < 120
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return new UnauthenticatedError(
    `Too many sign-in attempts for this email or from this address; try again in ${wait}`,
    {
      reason: "RATE_LIMITED",
      retryAfterSeconds,
      http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
    },
  );
}

export interface Authenticated {
  curator: Curator;
  sessionId: number;
}

/** Sign-in, sign-out and the bearer-token check every request goes through. */
export class SessionService {
  readonly limiter: LoginLimiter;

  constructor(
    private readonly ds: DataSource,
    private readonly curators: CuratorService,
    private readonly config: AuthConfig,
  ) {
    this.limiter = new LoginLimiter(ds, config);
  }

  /**
   * Checks the password and opens a session. Each call is one attempt, however the operation
   * spells or aliases `login`, so the limits count what actually runs. The attempt is charged
   * before the password is checked; one that comes too early is refused without a check. Unknown
   * email, wrong password and disabled account fail alike (same answer, same hashing work).
   */
  async login(
    emailRaw: string,
    password: string,
    clientAddress: string | null,
  ): Promise<{ token: string; expiresAt: Date; curator: Curator; sessionId: number }> {
    const email = normalizeEmail(emailRaw);
    const attempt = await this.limiter.reserve(email, clientAddress);
    if (!attempt.allowed) {
      log.warn("sign-in rate limited", { email, clientAddress, retryAfterSeconds: attempt.retryAfterSeconds });
      throw rateLimited(attempt.retryAfterSeconds);
    }
    const curator = await this.curators.findByEmail(email);
    const ok =
      password.length <= PASSWORD_MAX_LENGTH &&
      (await verifyPassword(password, curator?.passwordHash ?? (await decoyHash())));
    if (!curator || !ok || !curator.active) {
      // Audit trail for the security log: who was tried and from where, never the password.
      log.warn("failed sign-in", {
        email,
        clientAddress,
        knownEmail: Boolean(curator),
        disabled: Boolean(curator && ok && !curator.active),
      });
      throw new UnauthenticatedError("Wrong email or password", { reason: "BAD_CREDENTIALS" });
    }

    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * HOUR_MS);
    const sessionId = await inTransaction(this.ds, async (m) => {
      const inserted = await m.insert(CuratorSession, {
        curatorId: curator.id,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt,
        revokedAt: null,
        clientAddress,
      });
      // A sign-in is not an edit: the account's version and updatedAt stay as they are.
      await m
        .createQueryBuilder()
        .update(Curator)
        .set({ lastLoginAt: now, version: () => `"version"`, updatedAt: () => `"updatedAt"` })
        .where("id = :id", { id: curator.id })
        .execute();
      // Housekeeping: sessions that ended more than a day ago are of no further use.
      await m.delete(CuratorSession, { expiresAt: LessThan(new Date(now.getTime() - 24 * HOUR_MS)) });
      await this.limiter.forgive(m, attempt.reservation);
      return Number(inserted.identifiers[0].id);
    });
    curator.lastLoginAt = now;
    log.info("signed in", { curatorId: curator.id, clientAddress });
    return { token, expiresAt, curator, sessionId };
  }

  /** Ends one session; false when there was none to end. */
  async logout(sessionId: number | null): Promise<boolean> {
    if (sessionId === null) return false;
    const result = await inTransaction(this.ds, (m) =>
      m
        .createQueryBuilder()
        .update(CuratorSession)
        .set({ revokedAt: new Date() })
        .where("id = :id", { id: sessionId })
        .andWhere(`"revokedAt" IS NULL`)
        .execute(),
    );
    return (result.affected ?? 0) > 0;
  }

  /** The live session behind a token (not expired, not revoked, curator active), or null. */
  async authenticate(token: string): Promise<Authenticated | null> {
    const session = await this.ds
      .getRepository(CuratorSession)
      .createQueryBuilder("s")
      .innerJoinAndSelect("s.curator", "c")
      .where("s.tokenHash = :hash", { hash: hashToken(token) })
      .andWhere("s.revokedAt IS NULL")
      .andWhere("s.expiresAt > :now", { now: new Date() })
      .getOne();
    if (!session?.curator || !session.curator.active) return null;
    return { curator: session.curator, sessionId: session.id };
  }
}
