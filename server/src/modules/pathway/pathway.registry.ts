import type { createPathwayLoaders } from "./pathway.loaders";
import type { PathwayService } from "./pathway.service";
import type { PathwayWrites } from "./pathway.writes";

type PathwayLoaders = ReturnType<typeof createPathwayLoaders>;

/** What the pathway module adds to the services registry and to each request's loaders. */
declare module "../../core/context" {
  interface Services {
    pathways: PathwayService;
    pathwayWrites: PathwayWrites;
  }
  interface Loaders extends PathwayLoaders {}
}
