import type { EligibilityService } from "./eligibility.service";

/** What the eligibility module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    eligibility: EligibilityService;
  }
}
