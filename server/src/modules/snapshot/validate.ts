import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import snapshotSchema from "../../../../schema/snapshot.schema.json";
import type { RuleBreach } from "../../core/problems";
import { findTextProblem } from "../../core/input-rules";
import { canonicalRecord, hashDocument, sortRecords } from "./canonical-hash";
import { crossRecordBreaches, recordRuleBreaches } from "./record-rules";
import { SnapshotError } from "./snapshot.errors";
import {
  FILE_ORDER,
  KEY,
  KIND,
  SNAPSHOT_FORMAT,
  SNAPSHOT_SCHEMA_VERSION,
  describeRecord,
  type EntityName,
  type SnapshotDocument,
  type SnapshotRecord,
} from "./snapshot.format";

export const SNAPSHOT_SCHEMA_ID = snapshotSchema.$id;

let compiled: { document: ValidateFunction; line: ValidateFunction; meta: ValidateFunction } | undefined;

/** The compiled validators for a whole document, one NDJSON line, and meta (CSV's meta.json). */
export function snapshotValidators() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    ajv.addSchema(snapshotSchema);
    const get = (ref: string) => {
      const v = ajv.getSchema(ref);
      if (!v) throw new Error(`snapshot schema has no ${ref}`);
      return v;
    };
    compiled = { document: get(SNAPSHOT_SCHEMA_ID), line: get(`${SNAPSHOT_SCHEMA_ID}#/$defs/ndjsonLine`), meta: get(`${SNAPSHOT_SCHEMA_ID}#/$defs/meta`) };
  }
  return compiled;
}

/** A file read into memory, not yet validated, with a way to say where each record came from. */
export interface ParsedSnapshot {
  /** What messages call the file. */
  name: string;
  doc: Record<string, unknown>;
  /** "line 17" (NDJSON), "programs.csv record 4" (CSV) or null (JSON: the index names it). */
  locate(entity: EntityName, index: number): string | null;
}

export interface ValidatedSnapshot {
  /** Records normalized (canonicalRecord) and sorted by key. */
  doc: SnapshotDocument;
  /** The hash of the content as it is, which may differ from meta.sha256 when ignored. */
  sha256: string;
  /** False when meta.sha256 or meta.counts no longer match the content (only with ignoreChecksum). */
  checksumMatches: boolean;
  /** True when every record passed the directory's rules (import refuses a snapshot without). */
  rulesChecked: boolean;
}

const MAX_REPORTED = 5;

function where(parsed: ParsedSnapshot, entity: EntityName, index: number): string {
  const records = parsed.doc[entity] as SnapshotRecord[];
  const loc = parsed.locate(entity, index);
  return `${describeRecord(entity, records[index])} (${entity}[${index}]${loc ? `, ${loc}` : ""})`;
}

function describeAjvError(parsed: ParsedSnapshot, e: ErrorObject): string {
  const parts = e.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let subject = "(root)";
  let rest = parts;
  if ((FILE_ORDER as readonly string[]).includes(parts[0]) && parts.length >= 2) {
    subject = where(parsed, parts[0] as EntityName, Number(parts[1]));
    rest = parts.slice(2);
  } else if (parts.length) {
    subject = parts[0];
    rest = parts.slice(1);
  }
  let message = e.message ?? "is invalid";
  if (e.keyword === "additionalProperties") message = `has a field it does not know: "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === "enum") message += `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  const field = rest.length ? `${rest.join(".")} ` : "";
  return `${subject}: ${field}${message}`;
}

/** Checks the format and version first, so an old or foreign file gets a plain answer. */
function checkMeta(parsed: ParsedSnapshot): void {
  const meta = parsed.doc.meta as Record<string, unknown> | undefined;
  if (!meta || typeof meta !== "object") throw new SnapshotError(`${parsed.name}: no meta object: this is not a directory snapshot`);
  if (meta.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(`${parsed.name}: meta.format is ${JSON.stringify(meta.format)}, not "${SNAPSHOT_FORMAT}": this is not a directory snapshot`);
  }
  if (meta.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    throw new SnapshotError(
      `${parsed.name}: schemaVersion ${JSON.stringify(meta.schemaVersion)} is not supported (this version of the directory reads schemaVersion ${SNAPSHOT_SCHEMA_VERSION})`,
    );
  }
}

/** The API's text rule (core/input-rules.ts): a file cannot store what a mutation may not. */
function checkText(parsed: ParsedSnapshot, entity: EntityName): void {
  (parsed.doc[entity] as SnapshotRecord[]).forEach((r, i) => {
    const bad = findTextProblem(r, []);
    if (bad) throw new SnapshotError(`${parsed.name}: ${where(parsed, entity, i)} ${bad.path.join(".")} ${bad.message}`);
  });
}

function checkUnique(parsed: ParsedSnapshot, entity: EntityName): void {
  const seen = new Map<string, number>();
  (parsed.doc[entity] as SnapshotRecord[]).forEach((r, i) => {
    const key = r[KEY[entity]] as string;
    const first = seen.get(key);
    if (first !== undefined) throw new SnapshotError(`${parsed.name}: ${where(parsed, entity, i)} repeats the ${KEY[entity]} of ${entity}[${first}]`);
    seen.set(key, i);
    const links = r.requirements as { code: string }[] | undefined;
    if (links) {
      const codes = links.map((l) => l.code);
      const dup = codes.find((c, k) => codes.indexOf(c) !== k);
      if (dup) throw new SnapshotError(`${parsed.name}: ${where(parsed, entity, i)} links requirement "${dup}" twice`);
    }
  });
}

function checkReferences(parsed: ParsedSnapshot): void {
  const keys = Object.fromEntries(
    FILE_ORDER.map((e) => [e, new Set((parsed.doc[e] as SnapshotRecord[]).map((r) => r[KEY[e]] as string))]),
  ) as Record<EntityName, Set<string>>;
  const dangling = (entity: EntityName, i: number, target: EntityName, key: string) =>
    new SnapshotError(`${parsed.name}: ${where(parsed, entity, i)} refers to ${KIND[target]} "${key}", which the file does not hold (a dangling reference)`);
  (parsed.doc.programs as SnapshotRecord[]).forEach((p, i) => {
    if (p.institution != null && !keys.institutions.has(p.institution as string)) throw dangling("programs", i, "institutions", p.institution as string);
    if (p.pathway != null && !keys.pathways.has(p.pathway as string)) throw dangling("programs", i, "pathways", p.pathway as string);
    for (const s of (p.specialties as string[] | undefined) ?? []) if (!keys.specialties.has(s)) throw dangling("programs", i, "specialties", s);
    for (const l of (p.requirements as { code: string }[] | undefined) ?? []) if (!keys.requirements.has(l.code)) throw dangling("programs", i, "requirements", l.code);
  });
  (parsed.doc.pathways as SnapshotRecord[]).forEach((p, i) => {
    for (const l of (p.requirements as { code: string }[] | undefined) ?? []) if (!keys.requirements.has(l.code)) throw dangling("pathways", i, "requirements", l.code);
  });
}

/** Collects the rules records break and refuses the file naming the first few: record, field and rule. */
class RuleReport {
  private readonly shown: string[] = [];
  private count = 0;

  constructor(private readonly parsed: ParsedSnapshot) {}

  add(entity: EntityName, index: number, breaches: readonly RuleBreach[]): void {
    for (const b of breaches) {
      if (++this.count <= MAX_REPORTED) this.shown.push(`${where(this.parsed, entity, index)}: ${b.field} breaks the rule ${b.rule}: ${b.message}`);
    }
  }

  throwIfAny(): void {
    if (!this.count) return;
    const more = this.count > MAX_REPORTED ? ` (and ${this.count - MAX_REPORTED} more)` : "";
    throw new SnapshotError(`${this.parsed.name} breaks the directory's rules (the API's, for the same fields); nothing was written: ${this.shown.join("; ")}${more}`);
  }
}

/** Every record against the API's rules for its entity (record-rules.ts). */
function checkRecordRules(parsed: ParsedSnapshot): void {
  const report = new RuleReport(parsed);
  for (const entity of FILE_ORDER) {
    (parsed.doc[entity] as SnapshotRecord[]).forEach((record, i) => report.add(entity, i, recordRuleBreaches(entity, record)));
  }
  report.throwIfAny();
}

/** Rules between records (a program's country is its institution's…), once references resolve. */
function checkCrossRecordRules(parsed: ParsedSnapshot): void {
  const byKey = (entity: EntityName) => new Map((parsed.doc[entity] as SnapshotRecord[]).map((r) => [r[KEY[entity]] as string, r]));
  const institutions = byKey("institutions");
  const requirements = byKey("requirements");
  const refs = { institution: (slug: string) => institutions.get(slug), requirement: (code: string) => requirements.get(code) };
  const report = new RuleReport(parsed);
  for (const entity of FILE_ORDER) {
    (parsed.doc[entity] as SnapshotRecord[]).forEach((record, i) => report.add(entity, i, crossRecordBreaches(entity, record, refs)));
  }
  report.throwIfAny();
}

export interface ValidateOptions {
  /** Load a file whose meta.sha256 or meta.counts no longer match its content. */
  ignoreChecksum?: boolean;
  /**
   * Check every record against the directory's rules (the API's; default true). Only a diff,
   * which writes nothing, reads files without them, so that stored snapshots of older data still
   * compare.
   */
  directoryRules?: boolean;
}

/**
 * Validates a whole file before anything is written: format and version, the JSON Schema, the
 * directory's rules for each record (the API's), unique keys, well-formed text, meta.counts and the
 * checksum (both waived by ignoreChecksum), references and the rules between records. Throws
 * SnapshotError naming the record; returns the normalized document.
 */
export function validateSnapshot(parsed: ParsedSnapshot, options: ValidateOptions = {}): ValidatedSnapshot {
  const directoryRules = options.directoryRules !== false;
  checkMeta(parsed);
  const { document } = snapshotValidators();
  if (!document(parsed.doc)) {
    const errors = (document.errors ?? []).filter((e) => e.keyword !== "if" && e.keyword !== "anyOf");
    const shown = errors.slice(0, MAX_REPORTED).map((e) => describeAjvError(parsed, e));
    const more = errors.length > MAX_REPORTED ? ` (and ${errors.length - MAX_REPORTED} more)` : "";
    throw new SnapshotError(`${parsed.name} does not match the snapshot schema: ${shown.join("; ")}${more}`);
  }
  if (directoryRules) checkRecordRules(parsed);
  const raw = parsed.doc as unknown as SnapshotDocument;
  for (const entity of FILE_ORDER) checkText(parsed, entity);
  for (const entity of FILE_ORDER) checkUnique(parsed, entity);
  // meta.counts catches an NDJSON file cut at a line boundary; like the checksum it is an
  // integrity check that --ignore-checksum (a knowingly hand-edited file) waives.
  let countsMatch = true;
  for (const entity of FILE_ORDER) {
    const declared = raw.meta.counts[entity];
    const held = raw[entity].length;
    if (declared === held) continue;
    countsMatch = false;
    if (!options.ignoreChecksum) {
      throw new SnapshotError(
        `${parsed.name}: meta.counts.${entity} says ${declared} but the file holds ${held} ${KIND[entity]} record(s) (truncated or edited?)`,
      );
    }
  }
  const doc = { meta: raw.meta } as SnapshotDocument;
  for (const entity of FILE_ORDER) doc[entity] = sortRecords(entity, raw[entity].map((r) => canonicalRecord(entity, r)));
  const sha256 = hashDocument(doc);
  const checksumMatches = sha256 === raw.meta.sha256;
  if (!checksumMatches && !options.ignoreChecksum) {
    throw new SnapshotError(
      `${parsed.name}: checksum mismatch: meta.sha256 is ${raw.meta.sha256} but the content hashes to ${sha256} (the file was changed after export; --ignore-checksum loads it anyway)`,
    );
  }
  checkReferences(parsed);
  if (directoryRules) checkCrossRecordRules(parsed);
  return { doc, sha256, checksumMatches: checksumMatches && countsMatch, rulesChecked: directoryRules };
}

