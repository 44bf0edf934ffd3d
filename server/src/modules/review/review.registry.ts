import type { ReviewQueueService } from "./review.service";

/** What the review module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    reviewQueue: ReviewQueueService;
  }
}
