import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { WebhookEndpoint } from "./webhook-endpoint.entity";
import { WebhookMessage } from "./webhook-message.entity";

export enum WebhookDeliveryStatus {
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}
registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description:
    "SUCCEEDED: the endpoint answered 2xx; FAILED: anything else (status, redirect, timeout, refused address)",
});

/** The delivery log: one row per attempt to deliver one event to one endpoint. */
@ObjectType({ description: "One attempt to deliver an event to a webhook endpoint (ADMIN)" })
@Entity("webhook_deliveries")
@Index("IDX_webhook_deliveries_endpoint", ["endpointId", "id"])
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "integer" })
  endpointId: number;

  @ManyToOne(() => WebhookEndpoint, { onDelete: "CASCADE" })
  @JoinColumn({ name: "endpointId", foreignKeyConstraintName: "FK_webhook_deliveries_endpoint" })
  endpoint?: WebhookEndpoint;

  @Index("IDX_webhook_deliveries_message")
  @Column({ type: "integer" })
  messageRowId: number;

  @ManyToOne(() => WebhookMessage, { onDelete: "CASCADE" })
  @JoinColumn({ name: "messageRowId", foreignKeyConstraintName: "FK_webhook_deliveries_message" })
  message?: WebhookMessage;

  @Field({ description: "The event's `webhook-id`: the same on every attempt of one event" })
  @Column({ type: "varchar", length: 64 })
  messageId: string;

  @Field({ description: "The event's type, e.g. program.changed" })
  @Column({ type: "varchar", length: 40 })
  eventType: string;

  @Field(() => Int, { description: "1 for the first attempt of the event, then 2, 3…" })
  @Column({ type: "integer" })
  attempt: number;

  @Field(() => WebhookDeliveryStatus)
  @Column({ type: "varchar", length: 16 })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { nullable: true, description: "The HTTP status the endpoint answered; null when it did not" })
  @Column({ type: "integer", nullable: true })
  responseStatus: number | null;

  @Field(() => String, { nullable: true, description: "Why the attempt failed, when it did" })
  @Column({ type: "varchar", length: 300, nullable: true })
  error: string | null;

  @Field(() => Int, { description: "How long the attempt took, in milliseconds" })
  @Column({ type: "integer" })
  durationMs: number;

  @Field()
  @Column({ type: Date })
  attemptedAt: Date;
}
