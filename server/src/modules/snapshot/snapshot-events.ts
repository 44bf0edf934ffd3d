/**
 * Reads a snapshot from disk, whatever its format (a JSON file, an NDJSON file or a CSV folder),
 * as a stream of events in file order: the readers hand records over as they parse them, and
 * nothing here keeps more than one record.
 */
import fs from "node:fs";
import readline from "node:readline";
import { csvSnapshotEvents } from "./csv";
import { locateJsonError } from "./json-locate";
import { readJsonRoot } from "./json-stream";
import { SnapshotError } from "./snapshot.errors";
import type { SnapshotEvent, SnapshotSource } from "./snapshot-event.types";
import { ENTITY_OF_KIND, FILE_ORDER, type EntityName } from "./snapshot.format";

export type { SnapshotEvent, SnapshotSource };

/** NDJSON when the first line is a whole JSON object with a `kind`; JSON otherwise. */
async function sniff(file: string): Promise<"json" | "ndjson"> {
  const stream = fs.createReadStream(file, { encoding: "utf8", end: 1024 * 1024 });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      try {
        const first = JSON.parse(line.replace(/^\uFEFF/, ""));
        return first && typeof first === "object" && "kind" in first ? "ndjson" : "json";
      } catch {
        return "json";
      }
    }
    return "json";
  } finally {
    lines.close();
    stream.destroy();
  }
}

const LISTS: ReadonlySet<string> = new Set(FILE_ORDER);

async function* jsonEvents(file: string): AsyncGenerator<SnapshotEvent> {
  for await (const e of readJsonRoot(file, LISTS)) {
    if (e.type === "element")
      yield { type: "record", entity: e.key as EntityName, record: e.value, index: e.index, loc: null };
    else if (e.type === "arrayStart") yield { type: "list", entity: e.key as EntityName };
    else if (e.key === "meta") yield { type: "meta", meta: e.value };
    else yield { type: "field", key: e.key, value: e.value };
  }
}

async function* ndjsonEvents(file: string): AsyncGenerator<SnapshotEvent> {
  const stream = fs.createReadStream(file, { encoding: "utf8" });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const index = Object.fromEntries(FILE_ORDER.map((e) => [e, 0])) as Record<EntityName, number>;
  let n = 0;
  let byte = 0;
  let pending: { line: number; byte: number; error: string } | null = null;
  let more = false;
  let meta = false;
  try {
    for await (const raw of lines) {
      n++;
      const lineStart = byte;
      byte += Buffer.byteLength(raw, "utf8") + 1;
      const text = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() === "") continue;
      // A bad line is reported only once we know whether it was the last one (a cut-off file).
      if (pending) {
        more = true;
        break;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        const at = locateJsonError(text);
        pending = {
          line: n,
          byte: lineStart + (at?.byte ?? 0),
          error: at ? `${at.reason} at column ${at.column}` : "not JSON",
        };
        continue;
      }
      const where = `line ${n}`;
      if (!value || typeof value !== "object" || Array.isArray(value))
        throw new SnapshotError(`${file}: ${where} is not a JSON object`);
      const line = value as { kind?: unknown; meta?: unknown; record?: unknown };
      if (line.kind === "meta") {
        if (meta) throw new SnapshotError(`${file}: ${where} is a second meta line`);
        if (Object.keys(line).some((k) => k !== "kind" && k !== "meta"))
          throw new SnapshotError(`${file}: ${where}: a meta line holds only kind and meta`);
        meta = true;
        yield { type: "meta", meta: line.meta };
        for (const entity of FILE_ORDER) yield { type: "list", entity };
        continue;
      }
      if (!meta)
        throw new SnapshotError(`${file}: ${where}: the first line must be the meta line ({"kind":"meta","meta":{…}})`);
      const entity = typeof line.kind === "string" ? ENTITY_OF_KIND[line.kind] : undefined;
      if (!entity) throw new SnapshotError(`${file}: ${where} has an unknown kind ${JSON.stringify(line.kind)}`);
      if (Object.keys(line).some((k) => k !== "kind" && k !== "record"))
        throw new SnapshotError(`${file}: ${where}: a record line holds only kind and record`);
      yield { type: "record", entity, record: line.record, index: index[entity]++, loc: where };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  if (pending) {
    throw new SnapshotError(
      `${file}: line ${pending.line} (byte ${pending.byte}) is not valid JSON: ${pending.error}${more ? "" : ": the file ends early (truncated?)"}`,
    );
  }
  if (!meta) throw new SnapshotError(`${file} is empty: an NDJSON snapshot starts with its meta line`);
}

/**
 * The pieces of a snapshot file or CSV folder, in file order, read as they are needed: a file of
 * any size is read in flat memory. Throws SnapshotError when the file cannot be read as its format.
 */
export async function openSnapshotEvents(
  file: string,
): Promise<{ source: SnapshotSource; events: AsyncGenerator<SnapshotEvent> }> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new SnapshotError(`${file}: no such file or folder`);
  }
  if (stat.isDirectory()) return { source: "csv", events: csvSnapshotEvents(file) };
  const source = await sniff(file);
  return { source, events: source === "ndjson" ? ndjsonEvents(file) : jsonEvents(file) };
}
