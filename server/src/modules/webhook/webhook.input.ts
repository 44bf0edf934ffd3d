import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";
import { IsEntityId, IsText } from "../../core/input-rules";
import { WebhookEventType } from "./webhook.events";

const EVENT_TYPE_COUNT = Object.keys(WebhookEventType).length;

@InputType({ description: "A new webhook endpoint (ADMIN); the server makes its secret and answers it once" })
export class WebhookEndpointInput {
  @Field({ description: "https://… (plain http only to this machine, when the server allows it)" })
  @IsString()
  @MaxLength(500, { message: "url must be at most 500 characters" })
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(200)
  description?: string | null;

  @Field(() => [WebhookEventType], { description: "At least one" })
  @IsEnum(WebhookEventType, { each: true })
  @ArrayMaxSize(EVENT_TYPE_COUNT)
  eventTypes: WebhookEventType[];

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@InputType({
  description: "Changes to a webhook endpoint (ADMIN): the fields sent; enabling it clears why the server disabled it",
})
export class WebhookEndpointUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: "url must be at most 500 characters" })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(200)
  description?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  @IsEnum(WebhookEventType, { each: true })
  @ArrayMaxSize(EVENT_TYPE_COUNT)
  eventTypes?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@ArgsType()
export class WebhookEndpointsArgs extends ConnectionArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: "true: only endpoints the server disabled after failed deliveries (the dashboard's notice)",
  })
  @IsOptional()
  @IsBoolean()
  disabledByServer?: boolean | null;
}

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsEntityId()
  endpointId: string;
}

@ArgsType()
export class WebhookIdArgs {
  @Field(() => ID)
  @IsEntityId()
  id: string;
}
