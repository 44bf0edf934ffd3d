import type { createCuratorLoaders } from "./curator.loaders";
import type { Curator } from "./curator.entity";
import type { CuratorService } from "./curator.service";
import type { SessionService } from "./curator.sessions";

type CuratorLoaders = ReturnType<typeof createCuratorLoaders>;

/** What the curator module adds to the services registry and to each request's loaders. */
declare module "../../core/context" {
  interface Services {
    curators: CuratorService;
    sessions: SessionService;
  }
  interface Loaders extends CuratorLoaders {}
}

/** Above core, the signed-in curator is the whole entity. */
declare module "../../core/viewer" {
  interface SignedInCurator extends Curator {}
}
