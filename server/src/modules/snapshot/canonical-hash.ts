/**
 * The canonical form a snapshot's sha256 covers, so that two exports of the same data hash the
 * same whatever the file format, key order or creation time:
 *
 *   JSON of { institutions, pathways, programs, requirements, specialties } (meta left out) with
 *   object keys sorted at every level and no whitespace (as RFC 8785 JCS), records sorted by
 *   slug/code in code-point order, every field present (null when absent), dates as
 *   `new Date(v).toISOString()`, `specialties` sorted and requirement links sorted by code.
 *
 * The hasher takes records one at a time in that order, so an export hashes a directory of any
 * size in constant memory; it refuses records out of order rather than produce a wrong hash.
 */
import { createHash, type Hash } from "node:crypto";
import {
  CANONICAL_ORDER,
  DATE_FIELDS,
  FIELDS,
  FILE_ORDER,
  KEY,
  LIST_FIELDS,
  type EntityName,
  type RecordValues,
  type SnapshotDocument,
  type SnapshotRecord,
} from "./snapshot.format";

/**
 * Code-point order: what SQLite's BINARY collation and PostgreSQL's "C" collation give on UTF-8
 * text. (Plain `<` compares UTF-16 units, which differs for characters beyond U+FFFF.)
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate starts a code point above every BMP one
    return x - y;
  }
  return a.length - b.length;
}

/** JSON with object keys sorted at every level and no whitespace. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(",")}}`;
}

function normalizeDate(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "string") return value ?? null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}

function normalizeLinks(entity: EntityName, links: unknown): unknown {
  if (!Array.isArray(links)) return links ?? [];
  return links
    .map((l: Record<string, unknown>) =>
      entity === "programs"
        ? { code: l?.code, level: l?.level, minimumScore: l?.minimumScore ?? null, note: l?.note ?? null }
        : { code: l?.code, level: l?.level, note: l?.note ?? null },
    )
    .sort((a, b) => compareKeys(String(a.code), String(b.code)));
}

/** A record with exactly its format's fields, normalized as the canonical form wants them. */
export function canonicalRecord(entity: EntityName, record: SnapshotRecord): SnapshotRecord {
  const out: SnapshotRecord = {};
  for (const field of FIELDS[entity]) {
    const value = record[field];
    if (field === "specialties") {
      out[field] = Array.isArray(value) ? [...value].sort((a, b) => compareKeys(String(a), String(b))) : (value ?? []);
    } else if (field === "requirements") {
      out[field] = normalizeLinks(entity, value);
    } else if (DATE_FIELDS.has(field)) {
      out[field] = normalizeDate(value);
    } else {
      out[field] = value ?? (LIST_FIELDS.has(field) ? [] : null);
    }
  }
  return out;
}

function isSorted<T>(list: readonly T[], key: (item: T) => string): boolean {
  for (let i = 1; i < list.length; i++) if (compareKeys(key(list[i - 1]), key(list[i])) > 0) return false;
  return true;
}

const linkCode = (l: Record<string, unknown>) => String(l.code);

/** Per entity: the text before each field's value, in file order and in canonical (sorted) order. */
interface Layout {
  fields: readonly string[];
  /** `{"slug":`, `,"title":`, …: file order. */
  fileKeys: string[];
  /** Position in `fields` of each field in canonical order, and the text before it. */
  canonicalIndex: number[];
  canonicalKeys: string[];
  specialties: number;
  requirements: number;
}

const LAYOUTS = Object.fromEntries(
  FILE_ORDER.map((entity): [EntityName, Layout] => {
    const fields = FIELDS[entity];
    // Sorted as stableStringify sorts keys (field names are ASCII).
    const canonicalIndex = [...fields].sort().map((f) => fields.indexOf(f));
    const key = (field: string, i: number) => `${i ? "," : "{"}${JSON.stringify(field)}:`;
    return [
      entity,
      {
        fields,
        fileKeys: fields.map(key),
        canonicalIndex,
        canonicalKeys: canonicalIndex.map((f, i) => key(fields[f], i)),
        specialties: fields.indexOf("specialties"),
        requirements: fields.indexOf("requirements"),
      },
    ];
  }),
) as Record<EntityName, Layout>;

/**
 * A record's two JSON texts from one serialisation of each value: `json`, exactly
 * `JSON.stringify(record)` (fields in file order, what the files carry), and `canonical`, exactly
 * `stableStringify(canonicalRecord(entity, record))` (what the hash covers), where `record` is
 * `toRecord(entity, values)` in the export's normal form: every field present (null, never
 * undefined), dates as `toISOString()` strings, links with exactly their fields (`code`,
 * `level`, [`minimumScore`,] `note`: already the sorted key order). The exporter builds records so
 * (directory-records.ts); tests/snapshot/golden.test.ts checks both texts on every record it
 * exports. Lists come sorted from the exporter and are sorted here only if they are not.
 *
 * About half the cost of `JSON.stringify` plus a sorted-key copy and a second `JSON.stringify`,
 * and a fraction of stableStringify's key sorts and joins at every level.
 */
export class RecordEncoder {
  /** JSON.stringify(record). */
  json = "";
  /** The canonical JSON, when `encode` was asked for it; else "". */
  canonical = "";
  private readonly texts: string[] = [];

  encode(entity: EntityName, values: RecordValues, withCanonical: boolean): void {
    const layout = LAYOUTS[entity];
    const { fields, fileKeys } = layout;
    const texts = this.texts;
    let json = "";
    for (let i = 0; i < fields.length; i++) {
      const value = values[i];
      if (value === undefined) throw new Error(`snapshot export: ${entity} record without ${fields[i]}`);
      json += fileKeys[i] + (texts[i] = value === null ? "null" : JSON.stringify(value));
    }
    this.json = `${json}}`;
    if (!withCanonical) {
      this.canonical = "";
      return;
    }
    if (layout.specialties >= 0) {
      const list = values[layout.specialties] as string[];
      if (!isSorted(list, String)) texts[layout.specialties] = JSON.stringify([...list].sort((a, b) => compareKeys(String(a), String(b))));
    }
    if (layout.requirements >= 0) {
      const list = values[layout.requirements] as Record<string, unknown>[];
      if (!isSorted(list, linkCode)) texts[layout.requirements] = JSON.stringify([...list].sort((a, b) => compareKeys(linkCode(a), linkCode(b))));
    }
    const { canonicalIndex, canonicalKeys } = layout;
    let canonical = "";
    for (let i = 0; i < canonicalIndex.length; i++) canonical += canonicalKeys[i] + texts[canonicalIndex[i]];
    this.canonical = `${canonical}}`;
  }
}

/** Feeds records in canonical order into SHA-256 without keeping them. */
export class ContentHasher {
  private readonly hash: Hash = createHash("sha256");
  private entityIndex = -1;
  private inEntity = 0;
  private lastKey: string | null = null;

  constructor() {
    this.hash.update("{");
  }

  add(entity: EntityName, record: SnapshotRecord): void {
    this.addCanonical(entity, String(record[KEY[entity]]), stableStringify(canonicalRecord(entity, record)));
  }

  /** A record given as its key and its canonical JSON (RecordEncoder's, or stableStringify of canonicalRecord). */
  addCanonical(entity: EntityName, key: string, json: string): void {
    const index = CANONICAL_ORDER.indexOf(entity);
    if (index < this.entityIndex) throw new Error(`canonical hash: ${entity} came after ${CANONICAL_ORDER[this.entityIndex]}`);
    while (this.entityIndex < index) this.openNext();
    if (this.lastKey !== null && compareKeys(this.lastKey, key) >= 0) {
      throw new Error(`canonical hash: ${entity} "${key}" is out of order or repeated (after "${this.lastKey}")`);
    }
    this.lastKey = key;
    this.update((this.inEntity++ ? "," : "") + json);
  }

  digest(): string {
    while (this.entityIndex < CANONICAL_ORDER.length - 1) this.openNext();
    this.update("]}");
    return this.hash.digest("hex");
  }

  /** Straight into SHA-256: batching the text would keep strings alive across GCs (promoted to old space). */
  private update(text: string): void {
    this.hash.update(text);
  }

  private openNext(): void {
    if (this.entityIndex >= 0) this.update("],");
    this.entityIndex++;
    this.update(`${JSON.stringify(CANONICAL_ORDER[this.entityIndex])}:[`);
    this.inEntity = 0;
    this.lastKey = null;
  }
}

/** Records of one entity in canonical order (a sorted copy). */
export function sortRecords(entity: EntityName, records: SnapshotRecord[]): SnapshotRecord[] {
  const key = KEY[entity];
  return [...records].sort((a, b) => compareKeys(String(a[key]), String(b[key])));
}

/** The hash of an in-memory document (its records in any order; keys must be unique). */
export function hashDocument(doc: Pick<SnapshotDocument, EntityName>): string {
  const hasher = new ContentHasher();
  for (const entity of CANONICAL_ORDER) for (const r of sortRecords(entity, doc[entity])) hasher.add(entity, r);
  return hasher.digest();
}
