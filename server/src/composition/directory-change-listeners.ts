import type { DirectoryChangeListener } from "../core/directory-changes";
import { enqueueWebhooks } from "../modules/webhook/webhook.outbox";

/**
 * Everything that reacts to a public change inside the transaction that made it. The change feed
 * calls each of these, in order, right after it records the change's feed entry.
 */
export const directoryChangeListeners: readonly DirectoryChangeListener[] = [enqueueWebhooks];
