import type { DirectoryChangeService } from "./feed.service";

/** What the feed module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    directoryChanges: DirectoryChangeService;
  }
}
