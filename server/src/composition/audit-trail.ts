import type { AuditTrail } from "../core/audit-trail";
import type { DirectoryChangeListener } from "../core/directory-changes";
import { auditTrail } from "../modules/audit/audit.record";
import { ChangeFeed, withChangeFeed } from "../modules/feed/change-feed";

/**
 * What reacts, inside the writing transaction, to each change the public feed records (the
 * webhook outbox adds itself here). Empty by default.
 */
export function directoryChangeListeners(): DirectoryChangeListener[] {
  return [];
}

/**
 * The audit trail every writer records through (the server's services and the CLI's snapshot
 * import alike): the audit log, plus the public change feed and its listeners for each entry.
 */
export function createAuditTrail(listeners: DirectoryChangeListener[] = directoryChangeListeners()): AuditTrail {
  return withChangeFeed(auditTrail, new ChangeFeed(listeners));
}
