import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { VersionedRecord } from "../../core/versioned-record";
import { WebhookEventType } from "./webhook.events";

@ObjectType({
  description:
    "Where the directory POSTs its public changes, signed (Standard Webhooks). ADMIN only; the secret is shown once",
})
@Entity("webhook_endpoints")
export class WebhookEndpoint extends VersionedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "https (http only to this machine, when WEBHOOK_ALLOW_PRIVATE_TARGETS allows loopback)" })
  @Column({ type: "varchar", length: 500 })
  url: string;

  @Field(() => String, { nullable: true, description: "What the endpoint is for (the admins' note)" })
  @Column({ type: "varchar", length: 200, nullable: true })
  description: string | null;

  @Field(() => [WebhookEventType], { description: "The kinds of change delivered to it" })
  @Column({ type: "simple-json" })
  eventTypes: WebhookEventType[];

  @Field({ description: "False: no new event is queued for it and nothing queued is sent" })
  @Column({ type: "boolean", default: true })
  enabled: boolean;

  /** `whsec_` + base64 key: the server signs with it; returned only by create and rotate, once. */
  @Column({ type: "varchar", length: 100 })
  secret: string;

  @Field(() => Date, {
    nullable: true,
    description: "Set when the server disabled it because an event could not be delivered; cleared by enabling it",
  })
  @Column({ type: Date, nullable: true })
  disabledAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why the server disabled it" })
  @Column({ type: "varchar", length: 300, nullable: true })
  disabledReason: string | null;
}
