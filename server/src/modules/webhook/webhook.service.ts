import type { DataSource } from "typeorm";
import type { AuditTrail } from "../../core/audit-trail";
import { AuditAction } from "../../core/audit-trail";
import type { WebhookConfig } from "../../core/config";
import type { ConnectionArgs, Page } from "../../core/connection";
import { BadUserInputError, NotFoundError } from "../../core/errors";
import { paginate, type Ordering } from "../../core/pagination";
import { given, Problems } from "../../core/problems";
import { namesByIds, type RecordName } from "../../core/record-names";
import { inTransaction } from "../../core/transaction";
import { conflict, insertVersioned, updateVersioned, type Change, type WriteModel } from "../../core/versioned-write";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook-endpoint.entity";
import { WebhookMessage } from "./webhook-message.entity";
import type { WebhookEndpointInput, WebhookEndpointsArgs, WebhookEndpointUpdateInput } from "./webhook.input";
import { newWebhookSecret } from "./webhook.signing";
import { targetProblem } from "./webhook.target";

/** An endpoint with its secret: what create and rotate answer, the only times the secret leaves the server. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

const OLDEST_FIRST: Ordering = { name: "WEBHOOK_ENDPOINTS", keys: [{ expr: "e.id", direction: "ASC" }] };
const NEWEST_FIRST: Ordering = { name: "WEBHOOK_DELIVERIES", keys: [{ expr: "d.id", direction: "DESC" }] };

/** Webhook endpoints (ADMIN), their delivery log and resends. Endpoint writes are versioned and audited. */
export class WebhookService {
  readonly model: WriteModel<WebhookEndpoint> = {
    typeName: "WebhookEndpoint",
    audit: this.audit,
    entity: WebhookEndpoint,
    columns: ["url", "description", "eventTypes", "enabled"],
    redacted: ["secret"],
  };

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditTrail,
    private readonly config: WebhookConfig,
  ) {}

  list(args: WebhookEndpointsArgs): Promise<Page<WebhookEndpoint>> {
    const qb = this.ds.getRepository(WebhookEndpoint).createQueryBuilder("e");
    if (args.disabledByServer) qb.where("e.disabledAt IS NOT NULL");
    return paginate(qb, OLDEST_FIRST, args);
  }

  /** Names by id for the history (ADMIN's): the endpoint's description, else its URL. */
  namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    return namesByIds(
      this.ds.getRepository(WebhookEndpoint),
      ids,
      ["url", "description"],
      (e) => e.description || e.url,
    );
  }

  findById(id: number): Promise<WebhookEndpoint | null> {
    return this.ds.getRepository(WebhookEndpoint).findOneBy({ id });
  }

  deliveries(endpointId: number, args: ConnectionArgs): Promise<Page<WebhookDelivery>> {
    const qb = this.ds
      .getRepository(WebhookDelivery)
      .createQueryBuilder("d")
      .where("d.endpointId = :endpointId", { endpointId });
    return paginate(qb, NEWEST_FIRST, args);
  }

  async create(actorId: number | null, input: WebhookEndpointInput): Promise<EndpointWithSecret> {
    const problems = new Problems();
    await this.checkUrl(problems, input.url);
    this.checkEventTypes(problems, input.eventTypes);
    problems.throwIfAny();
    const secret = newWebhookSecret();
    const endpoint = await inTransaction(this.ds, (m) =>
      insertVersioned(
        m,
        this.model,
        {
          values: {
            url: input.url.trim(),
            description: input.description?.trim() || null,
            eventTypes: unique(input.eventTypes),
            enabled: input.enabled ?? true,
            secret,
          },
        },
        { actorId },
      ),
    );
    return { endpoint, secret };
  }

  async update(
    actorId: number,
    id: number,
    version: number,
    input: WebhookEndpointUpdateInput,
  ): Promise<WebhookEndpoint> {
    const problems = new Problems();
    for (const key of ["url", "eventTypes", "enabled"] as const) {
      if (given(input, key) && input[key] === null) problems.add(["input", key], `${key} cannot be cleared`);
    }
    if (input.url) await this.checkUrl(problems, input.url);
    if (input.eventTypes) this.checkEventTypes(problems, input.eventTypes);
    problems.throwIfAny();
    return inTransaction(this.ds, (m) =>
      updateVersioned(m, this.model, {
        id,
        version,
        actorId,
        action: AuditAction.UPDATE,
        compute: () => {
          const values: Change<WebhookEndpoint>["values"] = {};
          if (input.url) values.url = input.url.trim();
          if (given(input, "description")) values.description = input.description?.trim() || null;
          if (input.eventTypes) values.eventTypes = unique(input.eventTypes);
          if (typeof input.enabled === "boolean") values.enabled = input.enabled;
          // Enabling again is the admin's answer to the notice: it goes once the endpoint is back on.
          if (input.enabled === true) Object.assign(values, { disabledAt: null, disabledReason: null });
          return { values };
        },
      }),
    );
  }

  /** A new secret, effective for every attempt from now on (queued events included). */
  async rotateSecret(actorId: number, id: number, version: number): Promise<EndpointWithSecret> {
    const secret = newWebhookSecret();
    const endpoint = await inTransaction(this.ds, (m) =>
      updateVersioned(m, this.model, {
        id,
        version,
        actorId,
        action: AuditAction.UPDATE,
        note: "new secret",
        compute: () => ({ values: { secret } }),
      }),
    );
    return { endpoint, secret };
  }

  /** Removes the endpoint with its queued events and delivery log. */
  async remove(actorId: number, id: number, version: number): Promise<WebhookEndpoint> {
    return inTransaction(this.ds, async (m) => {
      const endpoint = await m.findOneBy(WebhookEndpoint, { id });
      if (!endpoint) throw new NotFoundError(this.model.typeName, id);
      if (endpoint.version !== version) throw conflict(this.model, id, version, endpoint.version);
      await m.delete(WebhookEndpoint, { id });
      await this.audit.append(m, {
        action: AuditAction.DELETE,
        entityType: this.model.typeName,
        entityId: id,
        entityVersion: endpoint.version,
        actorId,
        changes: { url: { from: endpoint.url, to: null } },
        note: "removed",
      });
      return endpoint;
    });
  }

  /**
   * Queues the event of a logged attempt once more, due now: the same `webhook-id` and body, retried
   * like any event. The endpoint must be enabled (a disabled one sends nothing).
   */
  async resend(deliveryId: number): Promise<WebhookDelivery> {
    return inTransaction(this.ds, async (m) => {
      const delivery = await m.findOneBy(WebhookDelivery, { id: deliveryId });
      if (!delivery) throw new NotFoundError("WebhookDelivery", deliveryId);
      const message = await m.findOneByOrFail(WebhookMessage, { id: delivery.messageRowId });
      const endpoint = await m.findOneByOrFail(WebhookEndpoint, { id: delivery.endpointId });
      if (!endpoint.enabled)
        throw BadUserInputError.field(["id"], "the endpoint is disabled: enable it first, then resend");
      if (message.status === "PENDING")
        throw BadUserInputError.field(["id"], "this event is still queued: the drainer will send it");
      const now = new Date();
      await m.update(
        WebhookMessage,
        { id: message.id },
        { status: "PENDING", nextAttemptAt: now, leaseToken: null, deliveredAt: null },
      );
      return delivery;
    });
  }

  private async checkUrl(problems: Problems, url: string): Promise<void> {
    const problem = await targetProblem(url.trim(), this.config.allowPrivateTargets);
    if (problem) problems.add(["input", "url"], `url ${problem}`);
  }

  private checkEventTypes(problems: Problems, types: readonly string[]): void {
    if (types.length === 0) problems.add(["input", "eventTypes"], "eventTypes must name at least one event type");
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
