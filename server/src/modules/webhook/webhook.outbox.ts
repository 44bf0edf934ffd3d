import type { DirectoryChangeListener } from "../../core/directory-changes";
import { WebhookEndpoint } from "./webhook-endpoint.entity";
import { WebhookMessage } from "./webhook-message.entity";
import { eventTypeOf, payloadOf, wireName } from "./webhook.events";
import { newMessageId } from "./webhook.signing";

/**
 * The feed's listener that queues webhooks: inside the transaction that made the change, one
 * outbox row per enabled endpoint that wants its event type. It only inserts rows (two statements
 * at most): the save never waits for a receiver, and the rows commit or roll back with the change.
 */
export const enqueueWebhooks: DirectoryChangeListener = async (m, change) => {
  const type = eventTypeOf(change);
  const endpoints = await m.find(WebhookEndpoint, { select: { id: true, eventTypes: true }, where: { enabled: true } });
  const wanted = endpoints.filter((e) => e.eventTypes.includes(type));
  if (wanted.length === 0) return;
  const payload = JSON.stringify(payloadOf(change));
  const now = new Date();
  await m
    .createQueryBuilder()
    .insert()
    .into(WebhookMessage)
    .values(
      wanted.map((e) => ({
        endpointId: e.id,
        messageId: newMessageId(),
        eventType: wireName(type),
        payload,
        status: "PENDING" as const,
        attempts: 0,
        nextAttemptAt: now,
        leaseToken: null,
        createdAt: now,
        deliveredAt: null,
      })),
    )
    .execute();
};
