import type { ItemChange, Translate } from "./types";

type Link = Record<string, unknown>;

interface ListFormat {
  /** The name of the record an id points to. */
  name: (id: unknown) => string;
  translate: Translate;
}

const ORDER: ItemChange["sign"][] = ["added", "removed", "changed"];

/** The level, score and note of a link, in words: "required, minimum 220, note “by 2026”". */
function linkDetails(link: Link, key: string, t: Translate): string[] {
  const out: string[] = [];
  for (const [field, v] of Object.entries(link)) {
    if (field === key || v === null || v === undefined || v === "") continue;
    out.push(detail(field, v, t));
  }
  return out;
}

function detail(field: string, v: unknown, t: Translate): string {
  if (field === "level") return t(`directory.history.levels.${String(v)}`, { _: String(v) });
  if (field === "minimumScore") return t("directory.history.minimum", { score: v });
  if (field === "note") return t("directory.history.note", { note: v });
  return `${field} ${String(v)}`;
}

/** What changed in a link that stayed: "recommended → required", "minimum 200 → 220". */
function linkChanges(before: Link, after: Link, key: string, t: Translate): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== key);
  const shown = (field: string, v: unknown) => (v === null || v === undefined || v === "" ? "—" : valueOf(field, v, t));
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => {
      const change = `${shown(f, before[f])} → ${shown(f, after[f])}`;
      if (f === "level") return change;
      return t(`directory.history.link_fields.${f}`, { _: f }) + " " + change;
    });
}

function valueOf(field: string, v: unknown, t: Translate): string {
  if (field === "level") return t(`directory.history.levels.${String(v)}`, { _: String(v) });
  return field === "note" ? `“${String(v)}”` : String(v);
}

/**
 * A list change as items added, removed and changed, by name. `key` names the id inside each link
 * (a program's requirement links: `requirementId`); without it the list is of ids (specialties).
 */
export function diffLinks(from: unknown, to: unknown, key: string | undefined, format: ListFormat): ItemChange[] {
  const asLinks = (v: unknown): Link[] =>
    (Array.isArray(v) ? v : []).map((item) => (key ? (item as Link) : { id: item }));
  const idField = key ?? "id";
  const before = new Map(asLinks(from).map((l) => [String(l[idField]), l]));
  const after = new Map(asLinks(to).map((l) => [String(l[idField]), l]));
  const items: ItemChange[] = [];
  for (const [id, link] of after) {
    const old = before.get(id);
    const name = format.name(link[idField]);
    if (!old) {
      const details = key ? linkDetails(link, key, format.translate) : [];
      items.push({ sign: "added", text: details.length ? `${name} (${details.join(", ")})` : name });
    } else if (key) {
      const changes = linkChanges(old, link, key, format.translate);
      if (changes.length) items.push({ sign: "changed", text: `${name}: ${changes.join("; ")}` });
    }
  }
  for (const [id, link] of before) {
    if (!after.has(id)) items.push({ sign: "removed", text: format.name(link[idField]) });
  }
  return items.sort((a, b) => ORDER.indexOf(a.sign) - ORDER.indexOf(b.sign));
}
