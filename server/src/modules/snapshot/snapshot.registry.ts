import type { SnapshotService } from "./snapshot.service";

/** What the snapshot module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    snapshots: SnapshotService;
  }
}
