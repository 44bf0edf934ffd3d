import type { DirectoryRecordType } from "../../core/directory-changes";
import type { EntityClass } from "../../core/data-source";
import { ListingStatus } from "../../core/enums";
import { Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";

/**
 * What the feed needs to know of a kind of record: which column decides whether anonymous readers
 * see it, which column they know it by, and how the audit log's field names (the columns and
 * relations a write records) read as the record's public GraphQL fields.
 */
export interface FeedRule {
  recordType: DirectoryRecordType;
  entity: EntityClass;
  /** The slug (a requirement's code). */
  keyColumn: "slug" | "code";
  /** The column anonymous visibility depends on; a change to it is a CREATED or REMOVED, never a changed field. */
  visibilityColumn: "status" | "archivedAt";
  isVisible(value: unknown): boolean;
  /** Audited names that differ from the public field (ids and id lists of relations). */
  publicNames: Readonly<Record<string, string>>;
}

/** Published listings only: drafts and archived programs never reach the feed. */
const published = (value: unknown) => value === ListingStatus.PUBLISHED;
/** Catalogue entries (institutions, pathways, requirements, specialties) are public until archived. */
const notArchived = (value: unknown) => value === null || value === undefined;

/** Keyed by the audit log's entityType (the GraphQL type name); curator accounts have no rule. */
export const FEED_RULES: Readonly<Record<string, FeedRule>> = {
  Program: {
    recordType: "PROGRAM",
    entity: Program,
    keyColumn: "slug",
    visibilityColumn: "status",
    isVisible: published,
    publicNames: {
      institutionId: "institution",
      pathwayId: "pathway",
      verifiedById: "verifiedBy",
      specialtyIds: "specialties",
    },
  },
  Institution: {
    recordType: "INSTITUTION",
    entity: Institution,
    keyColumn: "slug",
    visibilityColumn: "archivedAt",
    isVisible: notArchived,
    publicNames: {},
  },
  Pathway: {
    recordType: "PATHWAY",
    entity: Pathway,
    keyColumn: "slug",
    visibilityColumn: "archivedAt",
    isVisible: notArchived,
    publicNames: {},
  },
  Requirement: {
    recordType: "REQUIREMENT",
    entity: Requirement,
    keyColumn: "code",
    visibilityColumn: "archivedAt",
    isVisible: notArchived,
    publicNames: {},
  },
  Specialty: {
    recordType: "SPECIALTY",
    entity: Specialty,
    keyColumn: "slug",
    visibilityColumn: "archivedAt",
    isVisible: notArchived,
    publicNames: {},
  },
};
