import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { WebhookEndpoint } from "./webhook-endpoint.entity";

export type WebhookMessageStatus = "PENDING" | "DELIVERED" | "FAILED";

/**
 * The outbox: one event for one endpoint, inserted in the transaction that made the change, so
 * that it exists exactly when the change does. Drainers claim due rows and deliver them; the body
 * and `messageId` (the `webhook-id` header) never change, so every retry sends the same event.
 */
@Entity("webhook_messages")
@Index("IDX_webhook_messages_due", ["status", "nextAttemptAt"])
export class WebhookMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Index("IDX_webhook_messages_endpoint")
  @Column({ type: "integer" })
  endpointId: number;

  @ManyToOne(() => WebhookEndpoint, { onDelete: "CASCADE" })
  @JoinColumn({ name: "endpointId", foreignKeyConstraintName: "FK_webhook_messages_endpoint" })
  endpoint?: WebhookEndpoint;

  /** The `webhook-id` header: the same on every attempt of this event, unique across events. */
  @Column({ type: "varchar", length: 64 })
  messageId: string;

  @Column({ type: "varchar", length: 40 })
  eventType: string;

  /** The JSON body, fixed when the change was made. */
  @Column({ type: "text" })
  payload: string;

  @Column({ type: "varchar", length: 16, default: "PENDING" })
  status: WebhookMessageStatus;

  /** Attempts made (claimed) so far. */
  @Column({ type: "integer", default: 0 })
  attempts: number;

  /** When a drainer may next take it: the retry time, or the end of a claim's lease. */
  @Column({ type: Date })
  nextAttemptAt: Date;

  /** Which claim owns the attempt in flight; only that claim records its outcome. */
  @Column({ type: "varchar", length: 36, nullable: true })
  leaseToken: string | null;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  deliveredAt: Date | null;
}
