import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import snapshotSchema from "../../../../schema/snapshot.schema.json";
import { findTextProblem } from "../../core/input-rules";
import type { RuleBreach } from "../../core/problems";
import { canonicalRecord, ContentHasher, stableStringify } from "./canonical-hash";
import { checkImplications } from "./implication-rules";
import { crossRecordBreaches, recordRuleBreaches, type ReferencedRecords } from "./record-rules";
import { openSnapshotEvents, type SnapshotEvent, type SnapshotSource } from "./snapshot-events";
import { SnapshotError } from "./snapshot.errors";
import {
  CANONICAL_ORDER,
  FILE_ORDER,
  KEY,
  KIND,
  READABLE_SCHEMA_VERSIONS,
  SNAPSHOT_FORMAT,
  SNAPSHOT_SCHEMA_VERSION,
  describeRecord,
  emptyCounts,
  type EntityName,
  type SnapshotMeta,
  type SnapshotRecord,
} from "./snapshot.format";
import type { Side, SpillStore } from "./spill";
import { legacyFields, upgradeRecord } from "./snapshot-legacy";

export const SNAPSHOT_SCHEMA_ID = snapshotSchema.$id;

let compiled:
  | {
      document: ValidateFunction;
      line: ValidateFunction;
      meta: ValidateFunction;
      records: Record<EntityName, ValidateFunction>;
    }
  | undefined;

/** The compiled validators for a whole document, one NDJSON line, meta (CSV's meta.json) and one record of each entity. */
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
    compiled = {
      document: get(SNAPSHOT_SCHEMA_ID),
      line: get(`${SNAPSHOT_SCHEMA_ID}#/$defs/ndjsonLine`),
      meta: get(`${SNAPSHOT_SCHEMA_ID}#/$defs/meta`),
      records: Object.fromEntries(FILE_ORDER.map((e) => [e, get(`${SNAPSHOT_SCHEMA_ID}#/$defs/${KIND[e]}`)])) as Record<
        EntityName,
        ValidateFunction
      >,
    };
  }
  return compiled;
}

export interface ValidatedSnapshot {
  meta: SnapshotMeta;
  /** The hash of the content as it is, which may differ from meta.sha256 when ignored. */
  sha256: string;
  /** False when meta.sha256 or meta.counts no longer match the content (only with ignoreChecksum). */
  checksumMatches: boolean;
  /** True when every record passed the directory's rules (only a diff reads without them). */
  rulesChecked: boolean;
  source: SnapshotSource;
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

const MAX_REPORTED = 5;

/** `program "x" (programs[3], line 10)`: a record and where the file holds it. */
function where(entity: EntityName, index: number, record: unknown, loc: string | null): string {
  return `${describeRecord(entity, record as SnapshotRecord | undefined)} (${entity}[${index}]${loc ? `, ${loc}` : ""})`;
}

function describeAjvError(subject: string, e: ErrorObject): string {
  const rest = e.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let message = e.message ?? "is invalid";
  if (e.keyword === "additionalProperties")
    message = `has a field it does not know: "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === "enum")
    message += `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  const field = rest.length ? `${rest.join(".")} ` : "";
  return `${subject}: ${field}${message}`;
}

/** Checks the format and version first, so an old or foreign file gets a plain answer. */
function checkMeta(name: string, value: unknown): void {
  const meta = value as Record<string, unknown> | undefined;
  if (!meta || typeof meta !== "object")
    throw new SnapshotError(`${name}: no meta object: this is not a directory snapshot`);
  if (meta.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(
      `${name}: meta.format is ${JSON.stringify(meta.format)}, not "${SNAPSHOT_FORMAT}": this is not a directory snapshot`,
    );
  }
  if (!READABLE_SCHEMA_VERSIONS.includes(meta.schemaVersion as number)) {
    throw new SnapshotError(
      `${name}: schemaVersion ${JSON.stringify(meta.schemaVersion)} is not supported (this version of the directory reads schemaVersion ${READABLE_SCHEMA_VERSIONS.join(" and ")})`,
    );
  }
}

/** Collects the rules records break and refuses the file naming the first few: record, field and rule. */
class RuleReport {
  private readonly shown: string[] = [];
  private count = 0;

  add(subject: () => string, breaches: readonly RuleBreach[]): void {
    for (const b of breaches) {
      if (++this.count <= MAX_REPORTED)
        this.shown.push(`${subject()}: ${b.field} breaks the rule ${b.rule}: ${b.message}`);
    }
  }

  throwIfAny(name: string): void {
    if (!this.count) return;
    const more = this.count > MAX_REPORTED ? ` (and ${this.count - MAX_REPORTED} more)` : "";
    throw new SnapshotError(
      `${name} breaks the directory's rules (the API's, for the same fields); nothing was written: ${this.shown.join("; ")}${more}`,
    );
  }
}

/** The requirement codes of a record's links in the file's order, when that is not the canonical (sorted) one. */
function linkOrder(record: SnapshotRecord, canonical: SnapshotRecord): string | null {
  const codes = ((record.requirements as { code: string }[] | undefined) ?? []).map((l) => l.code);
  const sorted = ((canonical.requirements as { code: string }[] | undefined) ?? []).map((l) => l.code);
  return codes.every((c, i) => c === sorted[i]) ? null : JSON.stringify(codes);
}

/** A stored record with its links back in the file's order, so that a rule names `requirements.<index in the file>`. */
function inFileOrder(record: SnapshotRecord, order: string | null): SnapshotRecord {
  if (!order) return record;
  const links = new Map(((record.requirements as { code: string }[] | undefined) ?? []).map((l) => [l.code, l]));
  return { ...record, requirements: (JSON.parse(order) as string[]).map((code) => links.get(code)) };
}

/**
 * Validates a snapshot as it streams in and stores its records, normalized, on one side of a
 * SpillStore; nothing else is kept but counts and the first few problems. The checks, in the
 * order they are reported: format and version, the JSON Schema (each record against its
 * entity's definition), the directory's rules for each record (the API's, record-rules.ts;
 * waived by directoryRules: false), well-formed text, unique keys and requirement codes,
 * meta.counts and the checksum (both waived by ignoreChecksum), references (against the keys on
 * the same side of the store) and the rules between records (read back from the store).
 */
export class SnapshotIntake {
  private meta: unknown = undefined;
  private readonly lists = new Set<EntityName>();
  private readonly counts = emptyCounts();
  private readonly problems: string[] = [];
  private problemCount = 0;
  private repeat: string | null = null;
  private textProblem: string | null = null;
  private readonly rules = new RuleReport();

  constructor(
    private readonly name: string,
    private readonly spill: SpillStore,
    private readonly side: Side,
    private readonly directoryRules = true,
  ) {}

  take(e: SnapshotEvent): void {
    if (e.type === "record") this.record(e.entity, e.record, e.index, e.loc);
    else if (e.type === "meta") this.takeMeta(e.meta);
    else if (e.type === "list") this.lists.add(e.entity);
    else if ((FILE_ORDER as readonly string[]).includes(e.key)) {
      this.lists.add(e.key as EntityName); // present, if not a list: one problem, not two
      this.problem(`${e.key}: must be array`);
    } else this.problem(`(root): has a field it does not know: "${e.key}"`);
  }

  /**
   * The per-record step: one record is checked against its entity's schema and the directory's
   * rules, its text checked, then normalized and stored; a later check that needs other records
   * (keys, references, rules between records) reads them from the store.
   */
  private record(entity: EntityName, asWritten: unknown, index: number, loc: string | null): void {
    this.counts[entity]++;
    // A file of an older version is checked and stored as the current version has it; its
    // checksum covers it as written. A file's meta comes before its records (JSON as exported,
    // NDJSON's first line, CSV's meta.json).
    const version = this.version();
    const record = upgradeRecord(version, entity, asWritten as SnapshotRecord);
    const validate = snapshotValidators().records[entity];
    if (!validate(record)) {
      for (const e of validate.errors ?? [])
        if (e.keyword !== "if" && e.keyword !== "anyOf")
          this.problem(describeAjvError(where(entity, index, record, loc), e));
      return;
    }
    if (this.problemCount) return; // the file will be refused: storing more is wasted work
    const subject = () => where(entity, index, record, loc);
    if (this.directoryRules) this.rules.add(subject, recordRuleBreaches(entity, record));
    const bad = this.textProblem ? null : findTextProblem(record, []);
    if (bad) this.textProblem = `${subject()} ${bad.path.join(".")} ${bad.message}`;
    const canonical = canonicalRecord(entity, record);
    const hashed =
      record === asWritten
        ? null
        : stableStringify(canonicalRecord(entity, asWritten as SnapshotRecord, legacyFields(version, entity)));
    const key = canonical[KEY[entity]] as string;
    const order = entity === "programs" && this.directoryRules ? linkOrder(record, canonical) : null;
    if (!this.spill.add(this.side, entity, key, stableStringify(canonical), index, loc, order, hashed)) {
      this.repeat ??= `${where(entity, index, record, loc)} repeats the ${KEY[entity]} of ${entity}[${this.spill.get(this.side, entity, key)!.idx}]`;
    }
    const codes = ((canonical.requirements as { code: string }[] | undefined) ?? []).map((l) => l.code);
    const dup = codes.find((c, k) => k > 0 && codes[k - 1] === c); // sorted by code
    if (dup) this.repeat ??= `${where(entity, index, record, loc)} links requirement "${dup}" twice`;
  }

  /** The file's schemaVersion, once its meta has been read (the current one before). */
  private version(): number {
    const version = (this.meta as { schemaVersion?: unknown } | undefined)?.schemaVersion;
    return typeof version === "number" ? version : SNAPSHOT_SCHEMA_VERSION;
  }

  private takeMeta(meta: unknown): void {
    if (this.meta !== undefined) throw new SnapshotError(`${this.name}: meta appears twice`);
    checkMeta(this.name, meta);
    this.meta = meta;
    const validate = snapshotValidators().meta;
    if (!validate(meta)) for (const e of validate.errors ?? []) this.problem(describeAjvError("meta", e));
  }

  private problem(message: string): void {
    if (this.problemCount++ < MAX_REPORTED) this.problems.push(message);
  }

  /** After the last event: the checks that need the whole file. Throws SnapshotError naming the record. */
  finish(source: SnapshotSource, options: { ignoreChecksum?: boolean }): ValidatedSnapshot {
    const name = this.name;
    checkMeta(name, this.meta);
    const missing = FILE_ORDER.filter((e) => !this.lists.has(e)).map(
      (e) => `(root): must have required property '${e}'`,
    );
    if (missing.length || this.problemCount) {
      const errors = [...missing, ...this.problems].slice(0, MAX_REPORTED);
      const total = missing.length + this.problemCount;
      const more = total > MAX_REPORTED ? ` (and ${total - MAX_REPORTED} more)` : "";
      throw new SnapshotError(`${name} does not match the snapshot schema: ${errors.join("; ")}${more}`);
    }
    this.rules.throwIfAny(name);
    if (this.textProblem) throw new SnapshotError(`${name}: ${this.textProblem}`);
    if (this.repeat) throw new SnapshotError(`${name}: ${this.repeat}`);
    const meta = this.meta as SnapshotMeta;
    // meta.counts catches an NDJSON file cut at a line boundary; like the checksum it is an
    // integrity check that --ignore-checksum (a knowingly hand-edited file) waives.
    let countsMatch = true;
    for (const entity of FILE_ORDER) {
      if (meta.counts[entity] === this.counts[entity]) continue;
      countsMatch = false;
      if (!options.ignoreChecksum) {
        throw new SnapshotError(
          `${name}: meta.counts.${entity} says ${meta.counts[entity]} but the file holds ${this.counts[entity]} ${KIND[entity]} record(s) (truncated or edited?)`,
        );
      }
    }
    const hasher = new ContentHasher();
    for (const entity of CANONICAL_ORDER)
      for (const r of this.spill.records(this.side, entity)) hasher.addCanonical(entity, r.key, r.hashed ?? r.json);
    const sha256 = hasher.digest();
    const checksumMatches = sha256 === meta.sha256;
    if (!checksumMatches && !options.ignoreChecksum) {
      throw new SnapshotError(
        `${name}: checksum mismatch: meta.sha256 is ${meta.sha256} but the content hashes to ${sha256} (the file was changed after export; --ignore-checksum loads it anyway)`,
      );
    }
    this.checkReferences();
    return { meta, sha256, checksumMatches: checksumMatches && countsMatch, rulesChecked: this.directoryRules, source };
  }

  /** References resolve (the first dangling one is refused), then the rules between records hold. */
  private checkReferences(): void {
    const has = (entity: EntityName, key: string) => this.spill.get(this.side, entity, key) !== undefined;
    const stored = (entity: EntityName, key: string) => {
      const r = this.spill.get(this.side, entity, key);
      return r ? (JSON.parse(r.json) as SnapshotRecord) : undefined;
    };
    const refs: ReferencedRecords = {
      institution: (slug) => stored("institutions", slug),
      requirement: (code) => stored("requirements", code),
    };
    const rules = new RuleReport();
    for (const entity of ["programs", "pathways"] as const) {
      for (const r of this.spill.records(this.side, entity)) {
        const record = JSON.parse(r.json) as SnapshotRecord;
        const dangling = (target: EntityName, key: string) =>
          new SnapshotError(
            `${this.name}: ${where(entity, r.idx, record, r.loc)} refers to ${KIND[target]} "${key}", which the file does not hold (a dangling reference)`,
          );
        if (record.institution != null && !has("institutions", record.institution as string))
          throw dangling("institutions", record.institution as string);
        if (record.pathway != null && !has("pathways", record.pathway as string))
          throw dangling("pathways", record.pathway as string);
        for (const s of (record.specialties as string[] | undefined) ?? [])
          if (!has("specialties", s)) throw dangling("specialties", s);
        for (const l of (record.requirements as { code: string }[] | undefined) ?? [])
          if (!has("requirements", l.code)) throw dangling("requirements", l.code);
        if (this.directoryRules)
          rules.add(
            () => where(entity, r.idx, record, r.loc),
            crossRecordBreaches(entity, inFileOrder(record, r.linkOrder), refs),
          );
      }
    }
    rules.throwIfAny(this.name);
    checkImplications(
      this.name,
      (function* (spill: SpillStore, side: Side) {
        for (const r of spill.records(side, "requirements")) {
          const record = JSON.parse(r.json) as SnapshotRecord;
          yield { record, where: () => where("requirements", r.idx, record, r.loc) };
        }
      })(this.spill, this.side),
      (code) => has("requirements", code),
    );
  }
}

/** Reads and validates a snapshot file into one side of `spill` (see SnapshotIntake); nothing else is written. */
export async function intakeSnapshot(
  file: string,
  spill: SpillStore,
  side: Side,
  options: ValidateOptions = {},
): Promise<ValidatedSnapshot> {
  const { source, events } = await openSnapshotEvents(file);
  const intake = new SnapshotIntake(file, spill, side, options.directoryRules !== false);
  for await (const e of events) intake.take(e);
  return intake.finish(source, options);
}
