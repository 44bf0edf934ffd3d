import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Curator } from "./curator.entity";

/**
 * A signed-in session. Only the SHA-256 of the token is stored: a copy of the database does
 * not let anyone act as a curator. Not exposed through GraphQL.
 */
@Entity("curator_sessions")
export class CuratorSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Index("IDX_curator_sessions_curator")
  @Column({ type: "integer" })
  curatorId: number;

  @ManyToOne(() => Curator, { onDelete: "CASCADE" })
  @JoinColumn({ name: "curatorId", foreignKeyConstraintName: "FK_curator_sessions_curator" })
  curator?: Curator;

  /** Hex SHA-256 of the bearer token. */
  @Index("UQ_curator_sessions_token_hash", { unique: true })
  @Column({ type: "varchar", length: 64 })
  tokenHash: string;

  @Column({ type: Date })
  createdAt: Date;

  @Index("IDX_curator_sessions_expires_at")
  @Column({ type: Date })
  expiresAt: Date;

  /** Set by logout, by disabling the curator, or by a password change. */
  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;

  @Column({ type: "varchar", length: 64, nullable: true })
  clientAddress: string | null;
}
