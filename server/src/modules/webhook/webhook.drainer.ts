import { randomUUID } from "node:crypto";
import { In, type DataSource, type EntityManager } from "typeorm";
import type { WebhookConfig } from "../../core/config";
import { dialectOf } from "../../core/data-source";
import { log } from "../../core/logger";
import { inTransaction } from "../../core/transaction";
import { WebhookDelivery, WebhookDeliveryStatus } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook-endpoint.entity";
import { WebhookMessage } from "./webhook-message.entity";
import { retryDelayMs } from "./webhook.schedule";
import { sendWebhook, type AttemptOutcome, type OutgoingEvent } from "./webhook.sender";

/** Events claimed (and sent in parallel) per round. */
export const CLAIM_BATCH = 50;

interface Claimed {
  message: WebhookMessage;
  endpoint: WebhookEndpoint;
  token: string;
}

export type Send = (event: OutgoingEvent, config: WebhookConfig) => Promise<AttemptOutcome>;

/**
 * Delivers the outbox, in the background of every server process. A round claims due events in a
 * short transaction (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so two drainers never take the same row;
 * SQLite: the single writer), each claim a lease that ends after twice the timeout; sends them
 * outside any transaction; then records the outcomes in one transaction (only the lease holder may). An event whose
 * process died mid-attempt is taken again when its lease ends: delivery is at least once.
 */
export class WebhookDrainer {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly ds: DataSource,
    private readonly config: WebhookConfig,
    private readonly send: Send = sendWebhook,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops taking new events and waits for the round in flight (its attempts end within the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const round = this.drainOnce().then(
        (claimed) => (claimed === CLAIM_BATCH ? 0 : this.config.pollIntervalMs),
        (e: unknown) => {
          log.warn("webhook delivery round failed", { error: e });
          return this.config.pollIntervalMs;
        },
      );
      this.round = round.then((next) => this.schedule(next));
    }, ms);
    this.timer.unref();
  }

  /** One round: claim, send (in parallel), record every outcome in one transaction. Returns how many it claimed. */
  async drainOnce(now: () => Date = () => new Date()): Promise<number> {
    const claimed = await this.claim(now());
    if (claimed.length === 0) return 0;
    const outcomes = await Promise.all(
      claimed.map((c) =>
        this.send(
          { url: c.endpoint.url, secret: c.endpoint.secret, messageId: c.message.messageId, body: c.message.payload },
          this.config,
        ),
      ),
    );
    const at = now();
    await inTransaction(this.ds, async (m) => {
      for (const [i, c] of claimed.entries()) await this.record(m, c, outcomes[i], at);
    });
    return claimed.length;
  }

  private due(m: EntityManager, now: Date) {
    return m
      .createQueryBuilder(WebhookMessage, "w")
      .where("w.status = 'PENDING'")
      .andWhere("w.nextAttemptAt <= :now", { now })
      .andWhere(`w.endpointId IN (SELECT e.id FROM webhook_endpoints e WHERE e.enabled = :on)`, { on: true })
      .orderBy("w.nextAttemptAt")
      .addOrderBy("w.id");
  }

  private async claim(now: Date): Promise<Claimed[]> {
    // A read first: an idle round never takes SQLite's write lock.
    if (!(await this.due(this.ds.manager, now).select("w.id").limit(1).getRawOne())) return [];
    return inTransaction(this.ds, async (m) => {
      const query = this.due(m, now).limit(CLAIM_BATCH);
      if (dialectOf(this.ds) === "postgres") query.setLock("pessimistic_write").setOnLocked("skip_locked");
      const messages = await query.getMany();
      if (messages.length === 0) return [];
      const token = randomUUID();
      await m
        .createQueryBuilder()
        .update(WebhookMessage)
        .set({
          leaseToken: token,
          attempts: () => `"attempts" + 1`,
          nextAttemptAt: new Date(now.getTime() + 2 * this.config.timeoutMs),
        })
        .where({ id: In(messages.map((w) => w.id)) })
        .execute();
      const endpoints = await m.findBy(WebhookEndpoint, { id: In([...new Set(messages.map((w) => w.endpointId))]) });
      const byId = new Map(endpoints.map((e) => [e.id, e]));
      return messages.flatMap((message) => {
        const endpoint = byId.get(message.endpointId);
        return endpoint ? [{ message: { ...message, attempts: message.attempts + 1 }, endpoint, token }] : [];
      });
    });
  }

  private async record(
    m: EntityManager,
    { message, endpoint, token }: Claimed,
    outcome: AttemptOutcome,
    now: Date,
  ): Promise<void> {
    const gaveUp = !outcome.ok && message.attempts >= this.config.maxAttempts;
    await m.insert(WebhookDelivery, {
      endpointId: endpoint.id,
      messageRowId: message.id,
      messageId: message.messageId,
      eventType: message.eventType,
      attempt: message.attempts,
      status: outcome.ok ? WebhookDeliveryStatus.SUCCEEDED : WebhookDeliveryStatus.FAILED,
      responseStatus: outcome.responseStatus,
      error: outcome.error,
      durationMs: outcome.durationMs,
      attemptedAt: now,
    });
    const next = outcome.ok
      ? { status: "DELIVERED" as const, deliveredAt: now }
      : gaveUp
        ? { status: "FAILED" as const }
        : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts, this.config)) };
    const updated = await m
      .createQueryBuilder()
      .update(WebhookMessage)
      .set({ ...next, leaseToken: null })
      .where(`id = :id AND "leaseToken" = :token`, { id: message.id, token })
      .execute();
    // Another drainer took the event after this lease ended: its own outcome decides.
    if (updated.affected !== 1 || !gaveUp) return;
    await m
      .createQueryBuilder()
      .update(WebhookEndpoint)
      .set({
        enabled: false,
        disabledAt: now,
        disabledReason:
          `Disabled after ${message.attempts} failed attempts to deliver ${message.messageId}: ${outcome.error ?? "failed"}`.slice(
            0,
            300,
          ),
        version: () => `"version" + 1`,
      })
      .where("id = :id AND enabled = :on", { id: endpoint.id, on: true })
      .execute();
    log.warn("webhook endpoint disabled after repeated failures", { endpoint: endpoint.id, url: endpoint.url });
  }
}
