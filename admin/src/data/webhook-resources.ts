import * as gql from "../gql/graphql";
import type { WebhookEndpointInput, WebhookEndpointUpdateInput, WebhookEventType } from "../gql/graphql";
import { mutate, query } from "./api";
import { createInput, flag, listOf, text, type InputConverters } from "./converters";
import { plainRecord, type Resource } from "./resource";
import { listOps, oneOp, recordMutation, updateOp, type ListOps, type Values } from "./resource-kit";

/** Webhook endpoints and their delivery log (ADMIN only): the resources, and the actions beyond CRUD. */

const eventTypes = listOf<WebhookEventType>((v) => String(v) as WebhookEventType);
const webhookInput: InputConverters<WebhookEndpointInput> = { url: text, description: text, eventTypes, enabled: flag };
const webhookUpdateInput: InputConverters<WebhookEndpointUpdateInput> = { url: text, description: text, eventTypes, enabled: flag };

export const webhooks: Resource = {
  type: "WebhookEndpoint",
  list: listOps({ document: gql.WebhookEndpointListDocument, walk: gql.WebhookEndpointWalkDocument, toRecord: plainRecord }),
  one: oneOp(gql.WebhookEndpointOneDocument, plainRecord),
  /** The answer carries `secret`, the one time the server shows it: the create view displays it. */
  create: async (data: Values) => {
    const { created } = await mutate(gql.CreateWebhookEndpointDocument, { input: createInput(webhookInput, data) as WebhookEndpointInput });
    return { ...plainRecord(created.endpoint), secret: created.secret };
  },
  update: updateOp(gql.UpdateWebhookEndpointDocument, webhookUpdateInput, plainRecord),
  remove: recordMutation(gql.DeleteWebhookEndpointDocument, plainRecord),
};

/** The log is read per endpoint (react-admin's reference target `endpointId`), newest attempt first. */
const deliveryList: ListOps = {
  args: (filter) => ({ endpointId: String(filter?.endpointId ?? "") }),
  async page(args, first, after, signal) {
    const { list } = await query(gql.WebhookDeliveryListDocument, { endpointId: String(args.endpointId), first, after }, signal);
    return { ...list, edges: list.edges.map((e) => ({ cursor: e.cursor, node: plainRecord(e.node) })) };
  },
  async walk(args, first, after) {
    return (await query(gql.WebhookDeliveryWalkDocument, { endpointId: String(args.endpointId), first, after })).list;
  },
  byIds: false,
};

export const webhookDeliveries: Resource = { type: "WebhookDelivery", list: deliveryList };

export const webhookActions = {
  /** A new secret for the endpoint at `version`: answered once, like at creation. */
  async rotateSecret(id: string, version: number): Promise<string> {
    return (await mutate(gql.RotateWebhookSecretDocument, { id, version })).created.secret;
  },
  /** Queues the event of a logged attempt once more (same webhook-id and body). */
  async resend(deliveryId: string): Promise<void> {
    await mutate(gql.ResendWebhookDeliveryDocument, { id: deliveryId });
  },
  /** Endpoints the server disabled after failed deliveries (the dashboard's notice). */
  async disabledByServer(): Promise<{ total: number; endpoints: { id: string; url: string; disabledReason: string | null }[] }> {
    const { webhookEndpoints } = await query(gql.DisabledWebhookEndpointsDocument, {});
    return { total: webhookEndpoints.totalCount, endpoints: webhookEndpoints.edges.map((e) => e.node) };
  },
};
