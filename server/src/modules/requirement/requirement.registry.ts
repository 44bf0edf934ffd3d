import type { createRequirementLoaders } from "./requirement.loaders";
import type { RequirementService } from "./requirement.service";
import type { RequirementWrites } from "./requirement.writes";

type RequirementLoaders = ReturnType<typeof createRequirementLoaders>;

/** What the requirement module adds to the services registry and to each request's loaders. */
declare module "../../core/context" {
  interface Services {
    requirements: RequirementService;
    requirementWrites: RequirementWrites;
  }
  interface Loaders extends RequirementLoaders {}
}
