import type { SpecialtyService } from "./specialty.service";
import type { SpecialtyWrites } from "./specialty.writes";

/** What the specialty module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    specialties: SpecialtyService;
    specialtyWrites: SpecialtyWrites;
  }
}
