/**
 * The canonical form a snapshot's sha256 covers, so that two exports of the same data hash the
 * same whatever the file format, key order or creation time:
 *
 *   JSON of { institutions, pathways, programs, requirements, specialties } (meta left out) with
 *   object keys sorted at every level and no whitespace (as RFC 8785 JCS), records sorted by
 *   slug/code in code-point order, every field present (null when absent) except those of
 *   ADDED_FIELDS, which appear only when they say more than their absence would (not null, and a
 *   requirement's scoreKind not SCORED), instants as `new Date(v).toISOString()`,
 *   days ("YYYY-MM-DD") as they are,
 *   `specialties` sorted and requirement links sorted by code.
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
  ADDED_FIELDS,
  KEY,
  LIST_FIELDS,
  meansAbsent,
  type EntityName,
  type SnapshotDocument,
  type SnapshotRecord,
} from "./snapshot.format";
import { V1_INSTANT_FIELDS } from "./snapshot-legacy";

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Code-point order: what SQLite's BINARY collation and PostgreSQL's "C" collation give on UTF-8
 * text. (Plain `<` compares UTF-16 units, which differs for characters beyond U+FFFF.)
 */
export function compareKeys(a: string, b: string): number {
  // Without surrogates UTF-16 order is code-point order: the native comparison will do.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
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

/**
 * A record with exactly its format's fields, normalized as the canonical form wants them.
 * `fields` are those of the file's schemaVersion (snapshot-legacy.ts), the current one's unless said.
 */
export function canonicalRecord(
  entity: EntityName,
  record: SnapshotRecord,
  fields: readonly string[] = FIELDS[entity],
): SnapshotRecord {
  const out: SnapshotRecord = {};
  for (const field of fields) {
    const value = record[field];
    if (field === "specialties" || (field === "implies" && !meansAbsent(entity, field, value))) {
      out[field] = Array.isArray(value) ? [...value].sort((a, b) => compareKeys(String(a), String(b))) : (value ?? []);
    } else if (field === "requirements") {
      out[field] = normalizeLinks(entity, value);
    } else if (meansAbsent(entity, field, value)) {
      // an added field holding what its absence means is left out (see ADDED_FIELDS)
    } else if (DATE_FIELDS.has(field) || V1_INSTANT_FIELDS.has(field)) {
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
 * A list field's value as JSON text already made (by the database, directory-records.ts), written
 * into files as it is. JSON.stringify(record) gives the same text: toJSON returns the parsed list.
 */
export class JsonText {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** What JSON.stringify escapes in a string: `"`, `\\`, control characters, lone surrogates (any surrogate, here). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify(text): quotes around the text when nothing in it needs escaping (most values).
 * JSON.stringify builds its result from growing parts and returns a rope of them, which costs
 * about three times the text in garbage by the time it is written; quotes added to the string
 * make one small rope node, copied once by the join.
 */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Fills `file` and `canonical` (arrays of keys and value texts) with a record's value texts. */
type TextFiller = (record: SnapshotRecord, file: string[], canonical: string[]) => void;

interface Layout {
  fill: TextFiller;
  /** `{"slug":`, text, `,"title":`, text, …, `}`: keys at even positions, in file order. */
  file: string[];
  /** The same in canonical order: keys sorted, as stableStringify sorts them (field names are ASCII). */
  canonical: string[];
}

/**
 * Per entity, code generated once from FIELDS (names from code, never from data): each value
 * of a record is read by name (one shape per entity, monomorphic loads), serialised once with
 * JSON.stringify, and its text placed in both the file-order and the canonical-order arrays,
 * which a join turns into one flat string each.
 */
function layout(entity: EntityName): Layout {
  const fields = FIELDS[entity];
  const sorted = [...fields].sort();
  const keys = (order: readonly string[]) => [
    ...order.flatMap((f, i) => [`${i ? "," : "{"}${JSON.stringify(f)}:`, ""]),
    "}",
  ];
  const text = (f: string) =>
    LIST_FIELDS.has(f)
      ? `v instanceof JsonText ? v.json : JSON.stringify(v)`
      : `v === null ? "null" : typeof v === "string" ? quote(v) : JSON.stringify(v)`;
  const canonicalKeys = keys(sorted);
  const place = (f: string) => {
    const at = 2 * sorted.indexOf(f);
    const added = ADDED_FIELDS[entity];
    if (!added || !(f in added)) return `canonical[${at + 1}] = t;`;
    // Left out while it means what its absence means: its key text (which starts with the comma;
    // it is never first) and its value.
    if (at === 0) throw new Error(`canonical hash: ${entity}.${f} cannot be hashed only when set: it sorts first`);
    const absent =
      added[f] === null
        ? "v == null"
        : Array.isArray(added[f])
          ? `(v == null || t === "[]")` // an empty list (JsonText or array) means absent
          : `(v == null || v === ${JSON.stringify(added[f])})`;
    return `canonical[${at}] = ${absent} ? "" : ${JSON.stringify(canonicalKeys[at])}; canonical[${at + 1}] = ${absent} ? "" : t;`;
  };
  const body = fields
    .map((f, i) => `v = r[${JSON.stringify(f)}]; t = ${text(f)}; file[${2 * i + 1}] = t; ${place(f)}`)
    .join("\n");
  const fill = new Function(
    "quote",
    "JsonText",
    `"use strict"; return (r, file, canonical) => { let v, t;\n${body}\n};`,
  )(quote, JsonText) as TextFiller;
  return { fill, file: keys(fields), canonical: canonicalKeys };
}

const LAYOUTS = Object.fromEntries(FILE_ORDER.map((e) => [e, layout(e)])) as Record<EntityName, Layout>;

/**
 * A record's two JSON texts: `json`, exactly `JSON.stringify(record)` (what the files carry), and
 * `canonical`, exactly `stableStringify(canonicalRecord(entity, record))` (what the hash covers),
 * for a record in the export's normal form: every field of its format present, in file order
 * (null, never undefined), instants as `toISOString()` strings, links with exactly their fields
 * (`code`, `level`, [`minimumScore`,] `note`: already the sorted key order). The exporter makes
 * records so (directory-records.ts); tests/snapshot/golden.test.ts checks both texts on every
 * record it exports. Link lists are JsonText, already sorted and serialised (directory-records.ts);
 * a plain list that is not sorted takes the slow path.
 *
 * Each value is serialised once for both texts, and the texts are joined flat: JSON.stringify of
 * a whole record returns a rope of growing parts that is copied again when written or hashed,
 * about 3.5 times the text in garbage, twice per record; here about 3 times in all. What the
 * export allocates decides how much of V8's young generation it touches, and so its peak RSS.
 */
export class RecordEncoder {
  /** JSON.stringify(record). */
  json = "";
  /** The canonical JSON, when `encode` was asked for it; else "". */
  canonical = "";

  encode(entity: EntityName, record: SnapshotRecord, withCanonical: boolean): void {
    const { fill, file, canonical } = LAYOUTS[entity];
    fill(record, file, canonical);
    this.json = file.join("");
    if (!withCanonical) {
      this.canonical = "";
      return;
    }
    // JsonText lists come sorted (ORDER BY in the database, or sorted by the exporter); a plain list is checked.
    const specialties = record.specialties;
    const links = record.requirements;
    this.canonical =
      (Array.isArray(specialties) && !isSorted(specialties, String)) ||
      (Array.isArray(links) && !isSorted(links, linkCode))
        ? stableStringify(canonicalRecord(entity, record))
        : canonical.join("");
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
    if (index < this.entityIndex)
      throw new Error(`canonical hash: ${entity} came after ${CANONICAL_ORDER[this.entityIndex]}`);
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
