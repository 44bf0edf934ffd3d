import type { WebhookDrainer } from "./webhook.drainer";
import type { WebhookService } from "./webhook.service";

/** What the webhook module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    webhooks: WebhookService;
    webhookDrainer: WebhookDrainer;
  }
}
