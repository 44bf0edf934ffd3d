/**
 * Provenance: where a curated record's facts come from (`sourceUrl`, `sourceNote`), when a curator
 * last checked them (`lastVerifiedAt`, `verifiedById`) and whether a fact has changed since
 * (`changedSinceVerified`). Programs, institutions, pathways and requirements all carry it; the
 * write engine (versioned-write.ts) marks a verified record changed when a fact-bearing field
 * changes, and verifying clears the mark.
 */
import { Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import type { RuleBreach } from "./problems";
import { ArchivableRecord } from "./versioned-record";

/** Columns only a verification (or the engine) sets; write models list them to audit and revert them. */
export const VERIFICATION_COLUMNS = ["lastVerifiedAt", "verifiedById", "changedSinceVerified"] as const;

/** Every provenance column: the two a curator edits, then the verification's. */
export const PROVENANCE_COLUMNS = ["sourceUrl", "sourceNote", ...VERIFICATION_COLUMNS] as const;

/** The columns the engine reads of a record with provenance. */
export interface ProvenanceRow {
  sourceUrl: string | null;
  sourceNote: string | null;
  lastVerifiedAt: Date | null;
  verifiedById: number | null;
  changedSinceVerified: boolean;
}

/**
 * What a write model says of its provenance: which of its fields are NOT fact-bearing (identifiers,
 * publication state, the curator's own note). Every other column and relation is a fact, so a field
 * added later counts as a fact unless it is listed here.
 */
export interface ProvenanceRule {
  notFacts: readonly string[];
}

/**
 * Fields that are never facts: the provenance columns themselves, the archive marker, and the
 * translation's dates (bookkeeping: the text edit that moves them is a fact change of its own, and
 * checking a translation, which moves only them, must not send a verified record back for review).
 */
const NEVER_FACTS = new Set<string>([
  ...PROVENANCE_COLUMNS,
  "archivedAt",
  "translationUpdatedAt",
  "sourceTextUpdatedAt",
]);

/** Whether `field` is fact-bearing under `rule`. */
export function isFactField(rule: ProvenanceRule, field: string): boolean {
  return !NEVER_FACTS.has(field) && !rule.notFacts.includes(field);
}

export const SOURCE_URL_DESCRIPTION =
  "Where the facts in this record come from (http or https), when a page holds them";
export const SOURCE_NOTE_DESCRIPTION =
  "What the source says and where it is (e.g. an article that has no URL of its own), in the curator's words";
export const LAST_VERIFIED_DESCRIPTION = "When a curator last checked the record against its source";
export const CHANGED_SINCE_VERIFIED_DESCRIPTION =
  "true when a fact-bearing field changed after the last verification (lastVerifiedAt still says when that was); verifying again clears it";

/**
 * The provenance columns of an archivable record (institutions, pathways, requirements); Program
 * declares its own (they predate these). `verifiedById` has no foreign key here: curators are
 * disabled, never removed, and the resolver answers null for an id that names no curator. (SQLite
 * cannot add a named foreign key to an existing table without rebuilding it and every table that
 * refers to it.)
 */
@ObjectType()
export abstract class ArchivableSourcedRecord extends ArchivableRecord implements ProvenanceRow {
  @Field(() => String, { nullable: true, description: SOURCE_URL_DESCRIPTION })
  @Column({ type: "varchar", length: 500, nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true, description: SOURCE_NOTE_DESCRIPTION })
  @Column({ type: "text", nullable: true })
  sourceNote: string | null;

  @Field(() => Date, { nullable: true, description: LAST_VERIFIED_DESCRIPTION })
  @Column({ type: Date, nullable: true })
  lastVerifiedAt: Date | null;

  @Column({ type: "integer", nullable: true })
  verifiedById: number | null;

  @Field({ description: CHANGED_SINCE_VERIFIED_DESCRIPTION })
  @Column({ type: "boolean", default: false })
  changedSinceVerified: boolean;
}

/** A record's source as it will be: a URL or a note (or both). */
export interface SourceValues {
  sourceUrl: string | null;
  sourceNote: string | null;
}

/**
 * What a record made public must have: a source, as a URL or a note. The API's writes, the publish
 * mutations and snapshot import all call this, so no way in publishes a record without one.
 */
export function missingSourceBreach(values: SourceValues, what: string): RuleBreach | null {
  if (values.sourceUrl?.trim() || values.sourceNote?.trim()) return null;
  return {
    field: "sourceUrl",
    rule: "publishedNeedsSource",
    message: `${what} needs a source before it is published: a sourceUrl, or a sourceNote saying where its facts come from`,
  };
}
