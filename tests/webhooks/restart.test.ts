import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { WebhookDelivery } from "../../server/src/modules/webhook/webhook-delivery.entity";
import { WebhookEndpoint } from "../../server/src/modules/webhook/webhook-endpoint.entity";
import { WebhookMessage } from "../../server/src/modules/webhook/webhook-message.entity";
import { WebhookEventType } from "../../server/src/modules/webhook/webhook.events";
import { newWebhookSecret } from "../../server/src/modules/webhook/webhook.signing";
import { startChildServer, type ChildServer } from "../support/child-server";
import { createTestDatabase, openMigrated, testDialect, type TestDatabase } from "../support/db";
import {
  aChange,
  eventually,
  recordChange,
  startReceiver,
  verifyStandardWebhook,
  type Receiver,
} from "../support/webhooks";

// A server process killed with SIGKILL while an event is on its way loses nothing: the event is in
// the outbox (committed with the change), and the restarted server delivers it once the dead
// claim's lease (twice WEBHOOK_TIMEOUT_MS) has ended, with the same webhook-id.
const SERVER_ENV = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback",
  WEBHOOK_POLL_INTERVAL_MS: "50",
  WEBHOOK_TIMEOUT_MS: "1000",
  WEBHOOK_RETRY_BASE_MS: "10",
};

let db: TestDatabase;
let ds: DataSource;
let receiver: Receiver;
let child: ChildServer | null = null;
let databaseUrl: string;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = await openMigrated(db);
  databaseUrl = db.config.kind === "sqlite" ? `sqlite:${db.config.path}` : db.config.url;
  // The first request never gets an answer: the server is killed while it waits.
  receiver = await startReceiver((n) => (n === 1 ? "hang" : { status: 204 }));
});
afterAll(async () => {
  if (child && child.proc.exitCode === null) child.proc.kill("SIGKILL");
  await receiver.close();
  await ds.destroy();
  await db.drop();
});

describe(`webhooks across a server killed with -9 (${testDialect})`, () => {
  it("delivers the event after the restart, with the same webhook-id, and logs the attempt that counted", async () => {
    const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), "restart-snapshots-"));
    const env = { ...SERVER_ENV, DATABASE_URL: databaseUrl, SNAPSHOT_DIR: snapshotDir };
    const secret = newWebhookSecret();
    const endpoint = await ds.getRepository(WebhookEndpoint).save({
      url: receiver.url,
      description: null,
      eventTypes: [WebhookEventType.PROGRAM_CHANGED],
      enabled: true,
      secret,
    });
    child = await startChildServer(env);
    await recordChange(ds, aChange());
    const [first] = await receiver.waitForRequests(1);
    child.proc.kill("SIGKILL");
    expect(await child.exited).toBe("SIGKILL");

    // Claimed by the dead process (its lease still runs), never recorded.
    const [stuck] = await ds.getRepository(WebhookMessage).find();
    expect(stuck).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(stuck.leaseToken).not.toBeNull();
    expect(await ds.getRepository(WebhookDelivery).count()).toBe(0);

    child = await startChildServer(env);
    const [, again] = await receiver.waitForRequests(2);
    expect(again.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(again.body).toBe(first.body);
    expect(verifyStandardWebhook(secret, again.headers, again.body)).toBe(true);
    const delivered = await eventually("the event marked delivered", async () => {
      const [m] = await ds.getRepository(WebhookMessage).find();
      return m.status === "DELIVERED" && m;
    });
    expect(delivered.attempts).toBe(2);
    const log = await ds.getRepository(WebhookDelivery).findBy({ endpointId: endpoint.id });
    expect(log.map((d) => [d.attempt, d.status, d.responseStatus])).toEqual([[2, "SUCCEEDED", 204]]);
    expect(receiver.received).toHaveLength(2);

    child.proc.kill("SIGTERM");
    expect(await child.exited).toBe(0);
    fs.rmSync(snapshotDir, { recursive: true, force: true });
  });
});
