import type { VersionedReadIndex } from "../../core/read-index";
import type { EligibilityIndex } from "./eligibility.index";
import type { EligibilityService } from "./eligibility.service";

/** What the eligibility module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    eligibility: EligibilityService;
    /** Every published program prepared for deciding, for anonymous readers (eligibility.index.ts). */
    eligibilityIndex: VersionedReadIndex<EligibilityIndex>;
  }
}
