import type { createInstitutionLoaders } from "./institution.loaders";
import type { InstitutionService } from "./institution.service";
import type { InstitutionWrites } from "./institution.writes";

type InstitutionLoaders = ReturnType<typeof createInstitutionLoaders>;

/** What the institution module adds to the services registry and to each request's loaders. */
declare module "../../core/context" {
  interface Services {
    institutions: InstitutionService;
    institutionWrites: InstitutionWrites;
  }
  interface Loaders extends InstitutionLoaders {}
}
