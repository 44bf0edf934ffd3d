/**
 * CSV snapshots: a folder with meta.json and one RFC 4180 file per entity (institutions.csv,
 * programs.csv, requirements.csv, specialties.csv, pathways.csv), written by csv-stringify and
 * read back by csv-parse. Columns are the record's fields in file order, with a header row.
 *
 * Cells: null is an empty cell; an empty string is `""`; booleans are `true`/`false`; dates ISO
 * 8601; `specialties` is the slugs joined by `;` (slugs cannot hold `;`); `requirements` (links)
 * is a JSON array of {code, level, minimumScore, note} in one cell, so notes survive any text; a
 * requirement's `implies` is a JSON array of codes in one cell (empty cell: none).
 *
 * Formulas (OWASP "CSV injection"): a spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return as a formula. A text cell (a string value: never a number, boolean or
 * list cell) that begins with one of those, or with `'`, is written with one `'` in front; reading
 * a text cell that begins with `'` drops that one `'`. So `=1+1` is written `'=1+1`, `'quoted` is
 * written `''quoted`, and every value reads back exactly as it was exported.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parse, type CastingContext, type Options } from "csv-parse";
import { stringify, type Stringifier } from "csv-stringify";
import { JsonText } from "./canonical-hash";
import { MAX_VALUE_CHARS } from "./json-stream";
import { SnapshotError } from "./snapshot.errors";
import {
  FIELDS,
  FILE_ORDER,
  VALUE_LIST_FIELDS,
  LIST_FIELDS,
  type EntityName,
  type SnapshotMeta,
  type SnapshotRecord,
} from "./snapshot.format";
import type { SnapshotEvent } from "./snapshot-event.types";
import { GuardedStream } from "./snapshot-output";
import type { SnapshotWriter } from "./writers";

export const CSV_FILES: Record<EntityName, string> = Object.fromEntries(
  FILE_ORDER.map((e) => [e, `${e}.csv`]),
) as Record<EntityName, string>;
export const CSV_META_FILE = "meta.json";

const INTEGER_FIELDS = new Set([
  "durationMonths",
  "positions",
  "imgPositions",
  "applicationFeeCents",
  "maxYearsSinceGraduation",
  "graduatesOfAnyYear",
  "minimumClinicalExperienceMonths",
]);
/** Decimal cells: scores such as 6.5. */
const DECIMAL_FIELDS = new Set(["scoreMin", "scoreMax", "scoreStep"]);
const BOOLEAN_FIELDS = new Set([
  "handsOnPatientCare",
  "visaSponsorship",
  "clinicalExperienceInCountry",
  "changedSinceVerified",
]);

/** What a text cell is escaped for: a formula's first character, or the escape itself. */
const NEEDS_QUOTE_MARK = /^[=+\-@\t\r']/;

/** A text value as its cell holds it: with a leading `'` when it could start a formula. */
export function escapeCsvText(value: string): string {
  return NEEDS_QUOTE_MARK.test(value) ? `'${value}` : value;
}

/** A text cell's value: the cell without the one leading `'` that export adds. */
export function unescapeCsvText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** One record as a CSV row (cells in FIELDS order). */
export function toCsvRow(entity: EntityName, record: SnapshotRecord): unknown[] {
  return FIELDS[entity].map((field) => {
    const raw = record[field];
    const value = raw instanceof JsonText ? raw.toJSON() : raw;
    if (field === "specialties") return Array.isArray(value) && value.length ? value.join(";") : null;
    // Link lists are JSON in the cell; an empty cell is an empty list.
    if (field === "requirements" || field === "implies")
      return Array.isArray(value) && value.length ? JSON.stringify(value) : null;
    // A list the source may leave unsaid: an empty cell is null, "[]" is an empty list.
    if (VALUE_LIST_FIELDS.has(field)) return Array.isArray(value) ? JSON.stringify(value) : null;
    return typeof value === "string" ? escapeCsvText(value) : value;
  });
}

function stringifier(): Stringifier {
  return stringify({
    eof: true,
    record_delimiter: "\r\n", // RFC 4180
    cast: {
      boolean: (v) => (v ? "true" : "false"),
      // null stays an empty cell; an empty string is written "" so that the two read back apart
      string: (v) => (v === "" ? { value: "", quoted_empty: true } : v),
    },
  });
}

/** Writes into an existing, empty folder; meta.json last, so it always holds the final hash. */
export class CsvSnapshotWriter implements SnapshotWriter {
  readonly fillsInHash = true;
  private current: { csv: GuardedStream; done: Promise<void> } | null = null;
  private readonly opened: GuardedStream[] = [];

  constructor(readonly dir: string) {}

  async begin(): Promise<void> {}

  async startEntity(entity: EntityName): Promise<void> {
    const file = new GuardedStream(fs.createWriteStream(path.join(this.dir, CSV_FILES[entity])));
    const rows = stringifier();
    const csv = new GuardedStream(rows);
    // pipeline() ends the file only once the stringifier has passed on every row, and destroys
    // both streams when either fails (a full disk must fail the export, not stall it).
    const done = pipeline(rows, file.stream);
    done.catch(() => undefined); // observed in endEntity; after abort() nobody waits for it
    this.opened.push(csv, file);
    this.current = { csv, done };
    await this.write([...FIELDS[entity]]);
  }

  record(entity: EntityName, record: SnapshotRecord): Promise<void> {
    return this.write(toCsvRow(entity, record));
  }

  async endEntity(): Promise<void> {
    if (!this.current) return;
    const { csv, done } = this.current;
    this.current = null;
    csv.stream.end();
    await done;
  }

  async finish(meta: SnapshotMeta): Promise<void> {
    await this.endEntity();
    await fs.promises.writeFile(path.join(this.dir, CSV_META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
  }

  async abort(): Promise<void> {
    for (const s of this.opened) await s.destroy();
  }

  private write(row: unknown[]): Promise<void> {
    return this.current!.csv.write(row);
  }
}

function castCell(field: string, value: string, quoted: boolean, where: () => string): unknown {
  if (value === "" && !quoted) return LIST_FIELDS.has(field) ? [] : null;
  if (field === "specialties") return value.split(";");
  if (VALUE_LIST_FIELDS.has(field)) {
    try {
      return JSON.parse(value);
    } catch {
      throw new SnapshotError(`${where()}: the ${field} cell is not a JSON array`);
    }
  }
  if (field === "implies") {
    try {
      return JSON.parse(value);
    } catch {
      throw new SnapshotError(`${where()}: the implies cell is not a JSON array of requirement codes`);
    }
  }
  if (field === "requirements") {
    try {
      return JSON.parse(value);
    } catch {
      throw new SnapshotError(`${where()}: the requirements cell is not a JSON array of {code, level, …} links`);
    }
  }
  if (INTEGER_FIELDS.has(field) && /^-?\d+$/.test(value)) return Number(value);
  if (DECIMAL_FIELDS.has(field) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(field) && (value === "true" || value === "false")) return value === "true";
  if (INTEGER_FIELDS.has(field) || DECIMAL_FIELDS.has(field) || BOOLEAN_FIELDS.has(field)) return value; // not a number or boolean: left for the schema to name
  return unescapeCsvText(value);
}

/** Reads a CSV snapshot folder a record at a time: meta.json, then each entity's file. */
export async function* csvSnapshotEvents(dir: string): AsyncGenerator<SnapshotEvent> {
  const metaPath = path.join(dir, CSV_META_FILE);
  if (!fs.existsSync(metaPath)) throw new SnapshotError(`${dir}: a CSV snapshot folder needs ${CSV_META_FILE}`);
  let meta: unknown;
  try {
    meta = JSON.parse(fs.readFileSync(metaPath, "utf8"));
  } catch {
    throw new SnapshotError(`${metaPath} is not valid JSON`);
  }
  yield { type: "meta", meta };
  for (const entity of FILE_ORDER) {
    const file = path.join(dir, CSV_FILES[entity]);
    if (!fs.existsSync(file)) throw new SnapshotError(`${dir}: ${CSV_FILES[entity]} is missing`);
    yield { type: "list", entity };
    const input = fs.createReadStream(file);
    const parser = input.pipe(
      parse({
        bom: true,
        columns: true,
        relax_column_count: false,
        // One record is held at a time; this bounds how large it may be.
        max_record_size: MAX_VALUE_CHARS,
        info: true,
        // keep whether a cell was quoted: "" is an empty string, an empty unquoted cell is null
        cast: (value: string, context: CastingContext) => (context.header ? value : { value, quoted: context.quoting }),
      } as Options),
    );
    let index = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, { value: string; quoted: boolean }>;
        info: { lines: number; records: number };
      }>) {
        const out: SnapshotRecord = {};
        const at = () => `${file}: record ${info.records} (line ${info.lines})`;
        for (const [field, cell] of Object.entries(record)) out[field] = castCell(field, cell.value, cell.quoted, at);
        yield {
          type: "record",
          entity,
          record: out,
          index,
          loc: `${CSV_FILES[entity]} record ${index + 1}, line ${info.lines}`,
        };
        index++;
      }
    } catch (e) {
      if (e instanceof SnapshotError) throw e;
      throw new SnapshotError(`${file} is not valid CSV: ${(e as Error).message}`);
    } finally {
      // Also when the reader stops early (an invalid record): close the file now.
      parser.destroy();
      input.destroy();
    }
  }
}
