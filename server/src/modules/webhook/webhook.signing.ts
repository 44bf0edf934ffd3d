import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new endpoint secret in the Standard Webhooks form: `whsec_` and a base64 key of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** A new `webhook-id`: unique per event (and endpoint), kept for every retry of it. */
export function newMessageId(): string {
  return `msg_${randomUUID().replace(/-/g, "")}`;
}

/** The three Standard Webhooks headers for one attempt: the signature covers `id.timestamp.body`. */
export function signedHeaders(secret: string, messageId: string, sentAt: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": new Webhook(secret).sign(messageId, sentAt, body),
  };
}
