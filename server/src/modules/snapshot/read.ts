/** Reads a snapshot from disk, whatever its format: a JSON file, an NDJSON file or a CSV folder. */
import fs from "node:fs";
import readline from "node:readline";
import { readCsvSnapshot } from "./csv";
import { locateJsonError } from "./json-locate";
import { SnapshotError } from "./snapshot.errors";
import { ENTITY_OF_KIND, FILE_ORDER, type EntityName, type SnapshotRecord } from "./snapshot.format";
import { validateSnapshot, type ParsedSnapshot, type ValidatedSnapshot, type ValidateOptions } from "./validate";

export type SnapshotSource = "json" | "ndjson" | "csv";

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

function readJson(file: string): ParsedSnapshot {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new SnapshotError(`${file} is empty`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    if (!at) throw new SnapshotError(`${file} is not valid JSON`);
    throw new SnapshotError(
      `${file} is not valid JSON: ${at.reason} at byte ${at.byte} (line ${at.line}, column ${at.column})${at.truncated ? ": the file ends early (truncated?)" : ""}`,
    );
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new SnapshotError(`${file}: a snapshot is one JSON object with meta and five arrays`);
  return { name: file, doc: doc as Record<string, unknown>, locate: () => null };
}

async function readNdjson(file: string): Promise<ParsedSnapshot> {
  const doc: Record<string, unknown> = Object.fromEntries(FILE_ORDER.map((e) => [e, [] as SnapshotRecord[]]));
  const lineOf = Object.fromEntries(FILE_ORDER.map((e) => [e, [] as number[]])) as Record<EntityName, number[]>;
  const stream = fs.createReadStream(file, { encoding: "utf8" });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let byte = 0;
  let pending: { line: number; byte: number; error: string } | null = null;
  let more = false;
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
      pending = { line: n, byte: lineStart + (at?.byte ?? 0), error: at ? `${at.reason} at column ${at.column}` : "not JSON" };
      continue;
    }
    const where = `line ${n}`;
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new SnapshotError(`${file}: ${where} is not a JSON object`);
    const line = value as { kind?: unknown; meta?: unknown; record?: unknown };
    if (line.kind === "meta") {
      if (doc.meta !== undefined) throw new SnapshotError(`${file}: ${where} is a second meta line`);
      if (n !== 1 && Object.values(lineOf).some((l) => l.length)) throw new SnapshotError(`${file}: ${where}: the meta line must come first`);
      if (Object.keys(line).some((k) => k !== "kind" && k !== "meta")) throw new SnapshotError(`${file}: ${where}: a meta line holds only kind and meta`);
      doc.meta = line.meta;
      continue;
    }
    if (doc.meta === undefined) throw new SnapshotError(`${file}: ${where}: the first line must be the meta line ({"kind":"meta","meta":{…}})`);
    const entity = typeof line.kind === "string" ? ENTITY_OF_KIND[line.kind] : undefined;
    if (!entity) throw new SnapshotError(`${file}: ${where} has an unknown kind ${JSON.stringify(line.kind)}`);
    if (Object.keys(line).some((k) => k !== "kind" && k !== "record")) throw new SnapshotError(`${file}: ${where}: a record line holds only kind and record`);
    (doc[entity] as unknown[]).push(line.record);
    lineOf[entity].push(n);
  }
  if (pending) {
    throw new SnapshotError(
      `${file}: line ${pending.line} (byte ${pending.byte}) is not valid JSON: ${pending.error}${more ? "" : ": the file ends early (truncated?)"}`,
    );
  }
  if (doc.meta === undefined) throw new SnapshotError(`${file} is empty: an NDJSON snapshot starts with its meta line`);
  return { name: file, doc, locate: (entity, index) => (lineOf[entity][index] ? `line ${lineOf[entity][index]}` : null) };
}

export async function readSnapshot(file: string): Promise<ParsedSnapshot & { source: SnapshotSource }> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new SnapshotError(`${file}: no such file or folder`);
  }
  if (stat.isDirectory()) return { ...(await readCsvSnapshot(file)), source: "csv" };
  const kind = await sniff(file);
  return kind === "ndjson" ? { ...(await readNdjson(file)), source: "ndjson" } : { ...readJson(file), source: "json" };
}

/** Reads and validates a snapshot (see validateSnapshot); nothing is written. */
export async function loadSnapshot(file: string, options: ValidateOptions = {}): Promise<ValidatedSnapshot & { source: SnapshotSource }> {
  const parsed = await readSnapshot(file);
  return { ...validateSnapshot(parsed, options), source: parsed.source };
}
