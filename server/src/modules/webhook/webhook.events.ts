import { registerEnumType } from "type-graphql";
import type { DirectoryChange, DirectoryChangeKind, DirectoryRecordType } from "../../core/directory-changes";

/**
 * What a webhook endpoint can subscribe to: one event per kind of public record and kind of change
 * of the public change feed. The values are the `type` of the delivered payload.
 */
export enum WebhookEventType {
  PROGRAM_CREATED = "program.created",
  PROGRAM_CHANGED = "program.changed",
  PROGRAM_REMOVED = "program.removed",
  INSTITUTION_CREATED = "institution.created",
  INSTITUTION_CHANGED = "institution.changed",
  INSTITUTION_REMOVED = "institution.removed",
  PATHWAY_CREATED = "pathway.created",
  PATHWAY_CHANGED = "pathway.changed",
  PATHWAY_REMOVED = "pathway.removed",
  REQUIREMENT_CREATED = "requirement.created",
  REQUIREMENT_CHANGED = "requirement.changed",
  REQUIREMENT_REMOVED = "requirement.removed",
  SPECIALTY_CREATED = "specialty.created",
  SPECIALTY_CHANGED = "specialty.changed",
  SPECIALTY_REMOVED = "specialty.removed",
}
registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description:
    "A kind of public change a webhook delivers; its payload's `type` is the lower-case form (PROGRAM_CHANGED → program.changed)",
});

type EventName = `${Lowercase<DirectoryRecordType>}.${Lowercase<DirectoryChangeKind>}`;
/** Fails to compile when the feed gains a record type or change kind that has no event here (or the reverse). */
const SAME_EVENTS: [EventName] extends [`${WebhookEventType}`]
  ? [`${WebhookEventType}`] extends [EventName]
    ? true
    : never
  : never = true;
void SAME_EVENTS;

export const ALL_WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WebhookEventType);

export function eventTypeOf(change: DirectoryChange): WebhookEventType {
  const name: EventName = `${lower(change.recordType)}.${lower(change.kind)}`;
  return name as WebhookEventType;
}

function lower<S extends string>(s: S): Lowercase<S> {
  return s.toLowerCase() as Lowercase<S>;
}

/** The JSON body delivered for one change, in the Standard Webhooks shape: type, timestamp, data. */
export interface WebhookPayload {
  type: WebhookEventType;
  /** When the change happened (ISO 8601); the `webhook-timestamp` header is when this attempt was sent. */
  timestamp: string;
  data: {
    /** The change's position in the public change feed (`directoryChanges`): orders events, never reused. */
    sequence: number;
    recordType: DirectoryRecordType;
    id: string;
    slug: string | null;
    /** The public fields that changed, as the feed lists them (empty for a removal). */
    changedFields: string[];
  };
}

export function payloadOf(change: DirectoryChange): WebhookPayload {
  return {
    type: eventTypeOf(change),
    timestamp: change.occurredAt.toISOString(),
    data: {
      sequence: change.sequence,
      recordType: change.recordType,
      id: String(change.recordId),
      slug: change.slug,
      changedFields: [...change.changedFields],
    },
  };
}
