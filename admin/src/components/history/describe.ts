import { ENTITY_RESOURCES, type EnumName } from "../../choices";
import { formatDate, formatDateTime, formatDay, formatMoney } from "../formats";
import { diffLinks } from "./lists";
import type { ItemChange, Translate } from "./types";

export type { ItemChange, Translate };

type Change = { from?: unknown; to?: unknown };

/** An audit entry as the API gives it (the AuditEntryFields fragment). */
export interface HistoryEntry {
  id: string | number;
  entityType: string;
  entityId: string | number;
  action: string;
  changes?: Record<string, Change> | null;
  references?: { field: string; entityType: string; id: string | number; name?: string | null }[] | null;
  recordName?: string | null;
}

/** One changed field: a value before and after, or the items a list gained, lost or changed. */
export type ChangeRow =
  | { field: string; label: string; kind: "value"; from: string; to: string }
  | { field: string; label: string; kind: "items"; items: ItemChange[] };

export interface DescribeOptions {
  translate: Translate;
  /** The record's currency now, for an entry that changed the fee's amount but not its currency. */
  currency?: string | null;
}

/** Fields whose values are one of the API's enums, shown with their labels. */
const ENUM_FIELDS: Record<string, EnumName> = {
  type: "ProgramType",
  audience: "Audience",
  status: "ListingStatus",
  country: "Country",
  role: "CuratorRole",
  level: "RequirementLevel",
};
const KIND_ENUM: Record<string, EnumName> = {
  Institution: "InstitutionKind",
  Requirement: "RequirementKind",
  Pathway: "PathwayKind",
};
/** Dates a curator picks as days (shown without a time); other dates are instants. */
const DAY_FIELDS = new Set(["applicationOpensOn", "applicationClosesOn"]);
/** Instants of changes made before application dates were days: shown as days, as they were meant. */
const LEGACY_DAY_FIELDS = new Set(["applicationOpensAt", "applicationClosesAt"]);
const INSTANT_FIELDS = new Set(["lastVerifiedAt", "archivedAt", "lastLoginAt", "createdAt", "updatedAt"]);
/** Amounts in cents, and the field that holds their currency. */
const MONEY_FIELDS: Record<string, string> = { applicationFeeCents: "feeCurrency" };
/** Lists of links to catalogue entries, keyed by the entry's id. */
const LINK_LISTS: Record<string, string> = { requirements: "requirementId" };

const EMPTY = "—";
const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** The singular name of a record type ("Program"), from i18n. */
export function kindLabel(entityType: string, translate: Translate): string {
  const resource = ENTITY_RESOURCES[entityType];
  return resource ? translate(`resources.${resource}.name`, { smart_count: 1, _: entityType }) : entityType;
}

/** The entry's record by name ("Internal Medicine Residency — Mayo Clinic"), or "Program 6 (deleted)". */
export function recordTitle(entry: HistoryEntry, translate: Translate): string {
  return (
    entry.recordName ??
    translate("directory.history.deleted", { kind: kindLabel(entry.entityType, translate), id: entry.entityId })
  );
}

/** Turns the entry's `changes` into labelled rows, in the order the API recorded them. */
export function describeChanges(entry: HistoryEntry, options: DescribeOptions): ChangeRow[] {
  const { translate } = options;
  const changes = entry.changes && typeof entry.changes === "object" ? entry.changes : {};
  const names = new Map((entry.references ?? []).map((r) => [`${r.field}:${r.id}`, r]));
  const resource = ENTITY_RESOURCES[entry.entityType];
  const label = (field: string) =>
    resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;

  /** A referenced record's name, "Requirement 7 (deleted)" when it is gone, "#7" when the API named none. */
  const nameOf = (field: string, id: unknown): string => {
    const ref = names.get(`${field}:${id}`);
    if (!ref) return `#${String(id)}`;
    return ref.name ?? translate("directory.history.deleted", { kind: kindLabel(ref.entityType, translate), id });
  };

  const value = (field: string, v: unknown, side: "from" | "to"): string => {
    if (isEmpty(v)) return EMPTY;
    if (v === "[redacted]") return translate("directory.history.redacted");
    if (field in MONEY_FIELDS && typeof v === "number") {
      const currencyChange = changes[MONEY_FIELDS[field]];
      const currency = currencyChange ? currencyChange[side] : options.currency;
      return formatMoney(v, typeof currency === "string" ? currency : null);
    }
    if (DAY_FIELDS.has(field)) return formatDay(v) ?? EMPTY;
    if (LEGACY_DAY_FIELDS.has(field)) return formatDate(v) ?? EMPTY;
    if (INSTANT_FIELDS.has(field)) return formatDateTime(v) ?? EMPTY;
    if (/[a-z]Id$/.test(field)) return nameOf(field, v);
    const enumName = field === "kind" ? KIND_ENUM[entry.entityType] : ENUM_FIELDS[field];
    if (enumName && typeof v === "string") return translate(`directory.enums.${enumName}.${v}`, { _: v });
    if (typeof v === "boolean") return translate(v ? "ra.boolean.true" : "ra.boolean.false");
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  };

  const rows: ChangeRow[] = [];
  for (const [field, change] of Object.entries(changes)) {
    // A field that went from nothing to nothing (a creation lists every column) says nothing.
    if (isEmpty(change?.from) && isEmpty(change?.to)) continue;
    if (field in LINK_LISTS || /[a-z]Ids$/.test(field)) {
      const items = diffLinks(change?.from, change?.to, LINK_LISTS[field], {
        name: (id) => nameOf(field, id),
        translate,
      });
      if (items.length) rows.push({ field, label: label(field), kind: "items", items });
      continue;
    }
    rows.push({
      field,
      label: label(field),
      kind: "value",
      from: value(field, change?.from, "from"),
      to: value(field, change?.to, "to"),
    });
  }
  return rows;
}

/** Longest before/after text a one-line summary shows in full. */
const SHORT = 60;

/**
 * The entry in one line: "Title: Old → New" for one short change, else the fields' labels with
 * list counts ("Application fee, Requirements (+1 −1 ~1)").
 */
export function summarize(rows: ChangeRow[], translate: Translate): string {
  if (rows.length === 0) return translate("directory.history.no_changes");
  const [only] = rows;
  if (rows.length === 1 && only.kind === "value" && only.from.length + only.to.length <= SHORT) {
    return only.from === EMPTY ? `${only.label}: ${only.to}` : `${only.label}: ${only.from} → ${only.to}`;
  }
  if (rows.length === 1 && only.kind === "items" && only.items.length === 1) {
    return `${only.label}: ${SIGNS[only.items[0].sign]} ${only.items[0].text}`;
  }
  return rows
    .map((row) => {
      if (row.kind === "value") return row.label;
      const counts = (["added", "removed", "changed"] as const)
        .map((sign) => [sign, row.items.filter((i) => i.sign === sign).length] as const)
        .filter(([, n]) => n > 0)
        .map(([sign, n]) => `${SIGNS[sign]}${n}`);
      return `${row.label} (${counts.join(" ")})`;
    })
    .join(", ");
}

/** How each kind of list change is marked: plus, minus (U+2212) and tilde. */
export const SIGNS: Record<ItemChange["sign"], string> = { added: "+", removed: "−", changed: "~" };
