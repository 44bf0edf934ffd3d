import type { AuditService } from "./audit.service";

/** What the audit module adds to the services registry. */
declare module "../../core/context" {
  interface Services {
    audit: AuditService;
  }
}
