/**
 * The SQL that reads the directory as snapshot records, a chunk at a time, ordered by slug/code in
 * code-point order (the canonical order). Values go through TypeORM's own hydration for each
 * column, so dates and booleans read the same from both databases.
 */
import type { DataSource } from "typeorm";
import { ListingStatus } from "../../core/enums";
import { Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import type { Row, SnapshotReader } from "./snapshot-reader";
import { DATE_FIELDS, FIELDS, KEY, scalarFields, type EntityName, type SnapshotRecord } from "./snapshot.format";

const TABLES: Record<EntityName, { table: string; alias: string; entity: Function }> = {
  institutions: { table: "institutions", alias: "i", entity: Institution },
  programs: { table: "programs", alias: "p", entity: Program },
  requirements: { table: "requirements", alias: "r", entity: Requirement },
  specialties: { table: "specialties", alias: "s", entity: Specialty },
  pathways: { table: "pathways", alias: "w", entity: Pathway },
};

// A constant from code, not input: inlined so that PostgreSQL cursors need no bind parameters.
const PUBLISHED = `'${ListingStatus.PUBLISHED}'`;

/** A pathway visible in a published-only export (alias `w`). */
const PATHWAY_VISIBLE = `(w."archivedAt" IS NULL OR EXISTS (SELECT 1 FROM "programs" vp WHERE vp."pathwayId" = w."id" AND vp."status" = ${PUBLISHED}))`;

/**
 * Published-only exports hold published programs and the catalogue entries that are not archived
 * or that an exported record still refers to, so every reference in the file resolves.
 */
const VISIBLE: Record<EntityName, string> = {
  programs: `p."status" = ${PUBLISHED}`,
  institutions: `(i."archivedAt" IS NULL OR EXISTS (SELECT 1 FROM "programs" vp WHERE vp."institutionId" = i."id" AND vp."status" = ${PUBLISHED}))`,
  pathways: PATHWAY_VISIBLE,
  specialties: `(s."archivedAt" IS NULL OR EXISTS (SELECT 1 FROM "program_specialties" vs JOIN "programs" vp ON vp."id" = vs."programId" WHERE vs."specialtyId" = s."id" AND vp."status" = ${PUBLISHED}))`,
  requirements: `(r."archivedAt" IS NULL
    OR EXISTS (SELECT 1 FROM "program_requirements" vr JOIN "programs" vp ON vp."id" = vr."programId" WHERE vr."requirementId" = r."id" AND vp."status" = ${PUBLISHED})
    OR EXISTS (SELECT 1 FROM "pathway_requirements" wr JOIN "pathways" w ON w."id" = wr."pathwayId" WHERE wr."requirementId" = r."id" AND ${PATHWAY_VISIBLE}))`,
};

function where(entity: EntityName, includeDrafts: boolean): string {
  return includeDrafts ? "" : ` WHERE ${VISIBLE[entity]}`;
}

/** Code-point order on both databases: SQLite's BINARY collation is the default; PostgreSQL's "C" is asked for. */
function orderBy(reader: SnapshotReader, expr: string): string {
  return reader.dialect === "postgres" ? `${expr} COLLATE "C"` : expr;
}

function selectSql(reader: SnapshotReader, entity: EntityName, includeDrafts: boolean): string {
  const { table, alias } = TABLES[entity];
  const columns = [`${alias}."id"`, ...scalarFields(entity).map((f) => `${alias}."${f}"`)];
  let from = `"${table}" ${alias}`;
  if (entity === "programs") {
    columns.push(`ri."slug" AS "institutionSlug"`, `rw."slug" AS "pathwaySlug"`);
    from += ` LEFT JOIN "institutions" ri ON ri."id" = p."institutionId" LEFT JOIN "pathways" rw ON rw."id" = p."pathwayId"`;
  }
  return `SELECT ${columns.join(", ")} FROM ${from}${where(entity, includeDrafts)} ORDER BY ${orderBy(reader, `${alias}."${KEY[entity]}"`)}`;
}

export function countSql(entity: EntityName, includeDrafts: boolean): string {
  const { table, alias } = TABLES[entity];
  return `SELECT COUNT(*) AS "n" FROM "${table}" ${alias}${where(entity, includeDrafts)}`;
}

function idList(rows: Row[]): string {
  return rows
    .map((r) => {
      const id = Number(r.id);
      if (!Number.isSafeInteger(id)) throw new Error("snapshot export: a row without an integer id");
      return String(id);
    })
    .join(", ");
}

function groupBy(rows: Row[]): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const id = Number(row.ownerId);
    const list = map.get(id);
    if (list) list.push(row);
    else map.set(id, [row]);
  }
  return map;
}

export class RecordBuilder {
  constructor(private readonly ds: DataSource) {}

  private hydrate(entity: EntityName, row: Row): Record<string, unknown> {
    const metadata = this.ds.getMetadata(TABLES[entity].entity);
    const out: Record<string, unknown> = {};
    for (const field of scalarFields(entity)) {
      const column = metadata.findColumnWithPropertyName(field);
      if (!column) throw new Error(`snapshot export: ${entity} has no column ${field}`);
      let value = this.ds.driver.prepareHydratedValue(row[field], column);
      if (DATE_FIELDS.has(field) && value instanceof Date) value = value.toISOString();
      out[field] = value ?? null;
    }
    return out;
  }

  /** A record with its fields in file order. */
  private ordered(entity: EntityName, values: Record<string, unknown>): SnapshotRecord {
    const record: SnapshotRecord = {};
    for (const f of FIELDS[entity]) record[f] = values[f] ?? null;
    return record;
  }

  /**
   * The records of one entity, one chunk at a time. A chunk's links (program specialties and
   * requirements, pathway requirements) are fetched with one look-up per chunk, so the number of
   * statements grows with size / chunkSize, never with the number of records.
   */
  async *records(reader: SnapshotReader, entity: EntityName, includeDrafts: boolean, chunkSize: number): AsyncGenerator<SnapshotRecord[]> {
    for await (const rows of reader.chunks(selectSql(reader, entity, includeDrafts), chunkSize)) {
      const ids = idList(rows);
      let specialties = new Map<number, Row[]>();
      let links = new Map<number, Row[]>();
      if (entity === "programs") {
        specialties = groupBy(
          await reader.all(
            `SELECT ps."programId" AS "ownerId", s."slug" AS "slug" FROM "program_specialties" ps JOIN "specialties" s ON s."id" = ps."specialtyId" WHERE ps."programId" IN (${ids}) ORDER BY ${orderBy(reader, `s."slug"`)}`,
          ),
        );
        links = groupBy(
          await reader.all(
            `SELECT pr."programId" AS "ownerId", r."code" AS "code", pr."level" AS "level", pr."minimumScore" AS "minimumScore", pr."note" AS "note" FROM "program_requirements" pr JOIN "requirements" r ON r."id" = pr."requirementId" WHERE pr."programId" IN (${ids}) ORDER BY ${orderBy(reader, `r."code"`)}`,
          ),
        );
      } else if (entity === "pathways") {
        links = groupBy(
          await reader.all(
            `SELECT wr."pathwayId" AS "ownerId", r."code" AS "code", wr."level" AS "level", wr."note" AS "note" FROM "pathway_requirements" wr JOIN "requirements" r ON r."id" = wr."requirementId" WHERE wr."pathwayId" IN (${ids}) ORDER BY ${orderBy(reader, `r."code"`)}`,
          ),
        );
      }
      yield rows.map((row) => {
        const values = this.hydrate(entity, row);
        const id = Number(row.id);
        if (entity === "programs") {
          values.institution = row.institutionSlug ?? null;
          values.pathway = row.pathwaySlug ?? null;
          values.specialties = (specialties.get(id) ?? []).map((s) => s.slug);
          values.requirements = (links.get(id) ?? []).map((l) => ({
            code: l.code,
            level: l.level,
            minimumScore: l.minimumScore === null || l.minimumScore === undefined ? null : Number(l.minimumScore),
            note: l.note ?? null,
          }));
        } else if (entity === "pathways") {
          values.requirements = (links.get(id) ?? []).map((l) => ({ code: l.code, level: l.level, note: l.note ?? null }));
        }
        return this.ordered(entity, values);
      });
    }
  }
}
