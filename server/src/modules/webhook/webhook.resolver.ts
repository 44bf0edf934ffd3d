import { Arg, Args, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { entityId } from "../../core/ids";
import { CuratorRole } from "../../core/roles";
import { VersionArgs } from "../../core/write-args";
import { actorOf } from "../../core/write-resolver";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook-endpoint.entity";
import {
  WebhookDeliveriesArgs,
  WebhookEndpointInput,
  WebhookEndpointsArgs,
  WebhookEndpointUpdateInput,
  WebhookIdArgs,
} from "./webhook.input";

@ObjectType({ description: "An endpoint with its signing secret: answered once, by create and rotate, never again" })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field({ description: "whsec_… (Standard Webhooks): store it now; the API never shows it again" })
  secret: string;
}

const WebhookEndpointConnection = Connection(WebhookEndpoint, "WebhookEndpoint");
const WebhookDeliveryConnection = Connection(WebhookDelivery, "WebhookDelivery");

/** Everything about webhooks is for ADMINs: endpoints' URLs can carry tokens, and they make the server send requests. */
@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Authorized(CuratorRole.ADMIN)
  @Query(() => WebhookEndpointConnection, { description: "Webhook endpoints, oldest first (ADMIN)" })
  webhookEndpoints(@Args() args: WebhookEndpointsArgs, @Ctx() ctx: Context): Promise<Page<WebhookEndpoint>> {
    return ctx.services.webhooks.list(args);
  }

  @Authorized(CuratorRole.ADMIN)
  @Query(() => WebhookEndpoint, { nullable: true, description: "One webhook endpoint (ADMIN); null when none" })
  webhookEndpoint(@Args() args: WebhookIdArgs, @Ctx() ctx: Context): Promise<WebhookEndpoint | null> {
    return ctx.services.webhooks.findById(entityId(args.id, ["id"]));
  }

  @Authorized(CuratorRole.ADMIN)
  @Query(() => WebhookDeliveryConnection, {
    description: "An endpoint's delivery log, newest attempt first (ADMIN)",
  })
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @Ctx() ctx: Context): Promise<Page<WebhookDelivery>> {
    return ctx.services.webhooks.deliveries(entityId(args.endpointId, ["endpointId"]), args);
  }

  @Authorized(CuratorRole.ADMIN)
  @Mutation(() => WebhookEndpointWithSecret, {
    description: "Adds a webhook endpoint (ADMIN); the answer holds its secret, shown this once",
  })
  createWebhookEndpoint(
    @Arg("input", () => WebhookEndpointInput) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookEndpointWithSecret> {
    return ctx.services.webhooks.create(actorOf(ctx), input);
  }

  @Authorized(CuratorRole.ADMIN)
  @Mutation(() => WebhookEndpoint, { description: "Changes a webhook endpoint at `version` (ADMIN)" })
  updateWebhookEndpoint(
    @Args() args: VersionArgs,
    @Arg("input", () => WebhookEndpointUpdateInput) input: WebhookEndpointUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookEndpoint> {
    return ctx.services.webhooks.update(actorOf(ctx), Number(args.id), args.version, input);
  }

  @Authorized(CuratorRole.ADMIN)
  @Mutation(() => WebhookEndpointWithSecret, {
    description: "Replaces an endpoint's secret (ADMIN); the answer holds the new one, shown this once",
  })
  rotateWebhookSecret(@Args() args: VersionArgs, @Ctx() ctx: Context): Promise<WebhookEndpointWithSecret> {
    return ctx.services.webhooks.rotateSecret(actorOf(ctx), Number(args.id), args.version);
  }

  @Authorized(CuratorRole.ADMIN)
  @Mutation(() => WebhookEndpoint, {
    description: "Removes a webhook endpoint with its queued events and delivery log (ADMIN)",
  })
  deleteWebhookEndpoint(@Args() args: VersionArgs, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    return ctx.services.webhooks.remove(actorOf(ctx), Number(args.id), args.version);
  }

  @Authorized(CuratorRole.ADMIN)
  @Mutation(() => WebhookDelivery, {
    description:
      "Sends the event of this logged attempt again, with the same webhook-id and body (ADMIN); answers that attempt",
  })
  resendWebhookDelivery(@Args() args: WebhookIdArgs, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    return ctx.services.webhooks.resend(entityId(args.id, ["id"]));
  }
}
