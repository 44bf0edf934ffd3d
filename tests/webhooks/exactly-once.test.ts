import type { DataSource } from "typeorm";
import { loadConfig } from "../../server/src/core/config";
import { WebhookEndpoint } from "../../server/src/modules/webhook/webhook-endpoint.entity";
import { WebhookMessage } from "../../server/src/modules/webhook/webhook-message.entity";
import { CLAIM_BATCH, WebhookDrainer, type Send } from "../../server/src/modules/webhook/webhook.drainer";
import { WebhookEventType } from "../../server/src/modules/webhook/webhook.events";
import { sendWebhook } from "../../server/src/modules/webhook/webhook.sender";
import { newWebhookSecret } from "../../server/src/modules/webhook/webhook.signing";
import { createTestDatabase, openMigrated, testDialect, type TestDatabase } from "../support/db";
import { aChange, eventually, recordChange, startReceiver, type Receiver } from "../support/webhooks";

// Two data sources on one database stand for two server processes: each drainer has its own
// connections, so on PostgreSQL their claims really run side by side (FOR UPDATE SKIP LOCKED).
const config = loadConfig({
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback",
  WEBHOOK_POLL_INTERVAL_MS: "10",
  WEBHOOK_RETRY_BASE_MS: "1",
}).webhooks;

let db: TestDatabase;
let one: DataSource;
let two: DataSource;
let receiver: Receiver;
beforeAll(async () => {
  db = await createTestDatabase();
  one = await openMigrated(db);
  two = await openMigrated(db);
  receiver = await startReceiver();
  await one.getRepository(WebhookEndpoint).save({
    url: receiver.url,
    description: null,
    eventTypes: [WebhookEventType.PROGRAM_CHANGED],
    enabled: true,
    secret: newWebhookSecret(),
  });
});
afterAll(async () => {
  await receiver.close();
  await one.destroy();
  await two.destroy();
  await db.drop();
});

async function queue(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await recordChange(one, aChange({ recordId: i + 1 }));
}

const pending = () => one.getRepository(WebhookMessage).countBy({ status: "PENDING" });

describe(`two drainers on one ${testDialect} database`, () => {
  it("never claim the same event: a claim in flight holds its events until its outcome is recorded", async () => {
    await queue(2 * CLAIM_BATCH);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sentBy = { first: [] as string[], second: [] as string[] };
    const held: Send = async (event, c) => {
      sentBy.first.push(event.messageId);
      await gate;
      return sendWebhook(event, c);
    };
    const counted: Send = (event, c) => {
      sentBy.second.push(event.messageId);
      return sendWebhook(event, c);
    };
    const first = new WebhookDrainer(one, config, held).drainOnce();
    await eventually("the first claim", async () => sentBy.first.length === CLAIM_BATCH);
    expect(await new WebhookDrainer(two, config, counted).drainOnce()).toBe(CLAIM_BATCH);
    open();
    expect(await first).toBe(CLAIM_BATCH);
    expect(new Set([...sentBy.first, ...sentBy.second]).size).toBe(2 * CLAIM_BATCH);
    expect(await pending()).toBe(0);
    expect(receiver.received).toHaveLength(2 * CLAIM_BATCH);
  });

  it("deliver each of many events exactly once while four drainers (two per process) race", async () => {
    const before = receiver.received.length;
    await queue(60);
    const drainers = [one, one, two, two].map((ds) => new WebhookDrainer(ds, config));
    drainers.forEach((d) => d.start());
    try {
      await eventually("every event delivered", async () => (await pending()) === 0);
    } finally {
      await Promise.all(drainers.map((d) => d.stop()));
    }
    const ids = receiver.received.slice(before).map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    const delivered = await one.getRepository(WebhookMessage).find();
    expect(delivered.every((m) => m.status === "DELIVERED" && m.attempts === 1)).toBe(true);
  });
});
