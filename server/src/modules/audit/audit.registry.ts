import type { createAuditLoaders } from "./audit.loaders";
import type { AuditNameService } from "./audit.names";
import type { AuditService } from "./audit.service";

type AuditLoaders = ReturnType<typeof createAuditLoaders>;

/** What the audit module adds to the services registry and to each request's loaders. */
declare module "../../core/context" {
  interface Services {
    audit: AuditService;
    auditNames: AuditNameService;
  }
  interface Loaders extends AuditLoaders {}
}
