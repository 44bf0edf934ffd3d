import { registerEnumType } from "type-graphql";
import type { DirectoryChange, DirectoryChangeKind, DirectoryRecordType } from "../../core/directory-changes";

/**
 * What a webhook endpoint can subscribe to: one event per kind of public record and kind of change
 * of the public change feed. The delivered payload's `type` is the lower-case wire name (`wireName`).
 */
export enum WebhookEventType {
  PROGRAM_CREATED = "PROGRAM_CREATED",
  PROGRAM_CHANGED = "PROGRAM_CHANGED",
  PROGRAM_REMOVED = "PROGRAM_REMOVED",
  INSTITUTION_CREATED = "INSTITUTION_CREATED",
  INSTITUTION_CHANGED = "INSTITUTION_CHANGED",
  INSTITUTION_REMOVED = "INSTITUTION_REMOVED",
  PATHWAY_CREATED = "PATHWAY_CREATED",
  PATHWAY_CHANGED = "PATHWAY_CHANGED",
  PATHWAY_REMOVED = "PATHWAY_REMOVED",
  REQUIREMENT_CREATED = "REQUIREMENT_CREATED",
  REQUIREMENT_CHANGED = "REQUIREMENT_CHANGED",
  REQUIREMENT_REMOVED = "REQUIREMENT_REMOVED",
  SPECIALTY_CREATED = "SPECIALTY_CREATED",
  SPECIALTY_CHANGED = "SPECIALTY_CHANGED",
  SPECIALTY_REMOVED = "SPECIALTY_REMOVED",
}
registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description:
    "A kind of public change a webhook delivers; its payload's `type` is the lower-case form (PROGRAM_CHANGED → program.changed)",
});

type EventKey = `${DirectoryRecordType}_${DirectoryChangeKind}`;
/** Fails to compile when the feed gains a record type or change kind that has no event here (or the reverse). */
const SAME_EVENTS: [EventKey] extends [`${WebhookEventType}`]
  ? [`${WebhookEventType}`] extends [EventKey]
    ? true
    : never
  : never = true;
void SAME_EVENTS;

/** The event's name on the wire (the payload's `type`): PROGRAM_CHANGED → program.changed. */
export function wireName(type: WebhookEventType): string {
  return type.toLowerCase().replace("_", ".");
}

export const ALL_WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WebhookEventType);

export function eventTypeOf(change: DirectoryChange): WebhookEventType {
  const key: EventKey = `${change.recordType}_${change.kind}`;
  return key as WebhookEventType;
}

/** The JSON body delivered for one change, in the Standard Webhooks shape: type, timestamp, data. */
export interface WebhookPayload {
  /** The wire name, e.g. program.changed. */
  type: string;
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
    type: wireName(eventTypeOf(change)),
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
