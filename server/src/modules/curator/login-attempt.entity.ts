import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** What a login-attempt counter counts: see login-policy.ts. */
export type LoginCounterScope = "pair" | "email" | "address" | "minute";

/**
 * One sign-in counter (an email from one address, an email from anywhere, an address, an address's
 * attempts this minute). Kept in the database, not in memory, so that every server process on one
 * PostgreSQL shares them. The key is a SHA-256, so the table is not a list of emails tried.
 */
@Entity("login_attempts")
export class LoginAttempt {
  /** Hex SHA-256 of `scope:value`. */
  @PrimaryColumn({ type: "varchar", length: 64 })
  key: string;

  @Column({ type: "varchar", length: 16 })
  scope: LoginCounterScope;

  /** Attempts charged (delay scopes: since last forgiven; `minute`: in the window starting windowStartedAt). */
  @Column({ type: "integer", default: 0 })
  count: number;

  @Column({ type: Date })
  windowStartedAt: Date;

  /** No attempt is allowed before this time; a row far enough in the past is forgotten (housekeeping). */
  @Index("IDX_login_attempts_not_before")
  @Column({ type: Date })
  notBefore: Date;
}
