import type { AuditTrail } from "../core/audit-trail";
import type { DirectoryChangeListener } from "../core/directory-changes";
import { auditTrail } from "../modules/audit/audit.record";
import { ChangeFeed, withChangeFeed } from "../modules/feed/change-feed";
import { directoryChangeListeners } from "./directory-change-listeners";

/**
 * The audit trail every writer records through (the server's services and the CLI's snapshot
 * import alike): the audit log, plus the public change feed and its listeners for each entry.
 */
export function createAuditTrail(listeners: readonly DirectoryChangeListener[] = directoryChangeListeners): AuditTrail {
  return withChangeFeed(auditTrail, new ChangeFeed(listeners));
}
