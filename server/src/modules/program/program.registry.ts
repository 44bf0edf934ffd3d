import type { VersionedReadIndex } from "../../core/read-index";
import type { ProgramFacetIndex } from "./program.facet-index";
import type { ProgramLinksService } from "./program-links.service";
import type { createProgramLoaders } from "./program.loaders";
import type { ProgramReview } from "./program.review";
import type { ProgramService } from "./program.service";
import type { ProgramWrites } from "./program.writes";

type ProgramLoaders = ReturnType<typeof createProgramLoaders>;

/** What the program module adds to the services registry and to each request's loaders. */
declare module "../../core/context" {
  interface Services {
    programs: ProgramService;
    programLinks: ProgramLinksService;
    programWrites: ProgramWrites;
    programReview: ProgramReview;
    programFacetIndex: VersionedReadIndex<ProgramFacetIndex>;
  }
  interface Loaders extends ProgramLoaders {}
}
