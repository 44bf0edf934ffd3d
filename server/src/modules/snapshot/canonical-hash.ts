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

/**
 * An object literal of a record's values with its keys in `order`: generated once per entity from
 * FIELDS (names from code, never from input), so that every record of an entity is made from the
 * same boilerplate, has the same fast properties and goes through JSON.stringify's fast path.
 */
function objectMaker(entity: EntityName, order: readonly string[]): (values: RecordValues) => SnapshotRecord {
  const fields = FIELDS[entity];
  const body = order.map((f) => `${JSON.stringify(f)}: v[${fields.indexOf(f)}]`).join(", ");
  return new Function("v", `"use strict"; return { ${body} };`) as (values: RecordValues) => SnapshotRecord;
}

interface Layout {
  fields: readonly string[];
  /** The record object, keys in file order. */
  record: (values: RecordValues) => SnapshotRecord;
  /** The canonical object: keys sorted, as stableStringify sorts them (field names are ASCII). */
  canonical: (values: RecordValues) => SnapshotRecord;
  specialties: number;
  requirements: number;
}

const LAYOUTS = Object.fromEntries(
  FILE_ORDER.map((entity): [EntityName, Layout] => {
    const fields = FIELDS[entity];
    return [
      entity,
      {
        fields,
        record: objectMaker(entity, fields),
        canonical: objectMaker(entity, [...fields].sort()),
        specialties: fields.indexOf("specialties"),
        requirements: fields.indexOf("requirements"),
      },
    ];
  }),
) as Record<EntityName, Layout>;

/**
 * A record's two JSON texts: `json`, `JSON.stringify(record)` (fields in file order, what the
 * files carry), and `canonical`, exactly `stableStringify(canonicalRecord(entity, record))` (what
 * the hash covers), where `record` is `toRecord(entity, values)` in the export's normal form:
 * every field present (null, never undefined), dates as `toISOString()` strings, links with
 * exactly their fields (`code`, `level`, [`minimumScore`,] `note`: already the sorted key order).
 * The exporter builds records so (directory-records.ts); tests/snapshot/golden.test.ts checks both
 * texts on every record it exports. Lists come sorted from the exporter and are sorted here only
 * if they are not.
 *
 * Two object literals of fixed shape and two native JSON.stringify calls: in a short export, most
 * records are encoded before the JIT has optimised anything, and native code does not wait for it
 * (half the time, cold, of serialising each value on its own and joining the texts; a fraction
 * of stableStringify's key sorts and joins at every level).
 */
export class RecordEncoder {
  /** JSON.stringify(record). */
  json = "";
  /** The canonical JSON, when `encode` was asked for it; else "". */
  canonical = "";

  encode(entity: EntityName, values: RecordValues, withCanonical: boolean): void {
    const layout = LAYOUTS[entity];
    const { fields } = layout;
    for (let i = 0; i < fields.length; i++) {
      if (values[i] === undefined) throw new Error(`snapshot export: ${entity} record without ${fields[i]}`);
    }
    this.json = JSON.stringify(layout.record(values));
    if (!withCanonical) {
      this.canonical = "";
      return;
    }
    let canonicalValues = values;
    if (layout.specialties >= 0) {
      const list = values[layout.specialties] as string[];
      if (!isSorted(list, String)) {
        canonicalValues = [...canonicalValues];
        canonicalValues[layout.specialties] = [...list].sort((a, b) => compareKeys(String(a), String(b)));
      }
    }
    if (layout.requirements >= 0) {
      const list = values[layout.requirements] as Record<string, unknown>[];
      if (!isSorted(list, linkCode)) {
        canonicalValues = canonicalValues === values ? [...values] : canonicalValues;
        canonicalValues[layout.requirements] = [...list].sort((a, b) => compareKeys(linkCode(a), linkCode(b)));
      }
    }
    this.canonical = JSON.stringify(layout.canonical(canonicalValues));
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
    if (this.inEntity++) this.update(",");
    this.update(json);
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
