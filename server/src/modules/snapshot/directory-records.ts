/**
 * The SQL that reads the directory as snapshot records, a chunk at a time, ordered by slug/code in
 * code-point order (the canonical order). Values go through TypeORM's own hydration for each
 * column, so dates and booleans read the same from both databases.
 */
import type { DataSource } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { ListingStatus } from "../../core/enums";
import { Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { compareKeys } from "./canonical-hash";
import type { Row, SnapshotReader } from "./snapshot-reader";
import { DATE_FIELDS, FIELDS, KEY, scalarFields, type EntityName, type RecordValues } from "./snapshot.format";

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

/**
 * The entity's own columns in select order: `id`, then its scalar fields (FIELDS order), then for
 * programs the institution's and the pathway's slugs. Rows are read as arrays in this order.
 */
function selectColumns(entity: EntityName): string[] {
  const columns = ["id", ...scalarFields(entity)];
  if (entity === "programs") columns.push("institutionSlug", "pathwaySlug");
  return columns;
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

/** `column` is one of the chunk's ids: one bind parameter, so the statement is the same for every chunk. */
function inChunk(reader: SnapshotReader, column: string): string {
  return reader.dialect === "postgres" ? `${column} = ANY($1::int[])` : `${column} IN (SELECT "value" FROM json_each(?))`;
}

/**
 * Each link table's rows for one chunk's owners: [ownerId, slug or code, …the link's fields].
 * Unordered: an ORDER BY made SQLite sort every chunk's links in a temporary B-tree, half the
 * statement's cost; groupBy() puts each owner's few links in code-point order instead.
 */
function linkSql(reader: SnapshotReader, link: "programSpecialties" | "programRequirements" | "pathwayRequirements"): string {
  switch (link) {
    case "programSpecialties":
      return `SELECT ps."programId", s."slug" FROM "program_specialties" ps JOIN "specialties" s ON s."id" = ps."specialtyId" WHERE ${inChunk(reader, `ps."programId"`)}`;
    case "programRequirements":
      return `SELECT pr."programId", r."code", pr."level", pr."minimumScore", pr."note" FROM "program_requirements" pr JOIN "requirements" r ON r."id" = pr."requirementId" WHERE ${inChunk(reader, `pr."programId"`)}`;
    case "pathwayRequirements":
      return `SELECT wr."pathwayId", r."code", wr."level", wr."note" FROM "pathway_requirements" wr JOIN "requirements" r ON r."id" = wr."requirementId" WHERE ${inChunk(reader, `wr."pathwayId"`)}`;
  }
}

function ownerId(value: unknown): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id)) throw new Error("snapshot export: a row without an integer id");
  return id;
}

const bySlugOrCode = (a: Row, b: Row) => compareKeys(String(a[1]), String(b[1]));

/**
 * Link rows by owner id, each owner's in code-point order of their slug/code (column 1): the
 * order SQLite's BINARY and PostgreSQL's "C" collation give, which the files have always had.
 */
function groupBy(rows: Row[]): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const id = ownerId(row[0]);
    const list = map.get(id);
    if (list) list.push(row);
    else map.set(id, [row]);
  }
  // Insertion sort: an owner has a handful of links, and Array.prototype.sort allocates.
  for (const list of map.values()) {
    for (let i = 1; i < list.length; i++) {
      const row = list[i];
      let j = i - 1;
      while (j >= 0 && bySlugOrCode(list[j], row) > 0) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = row;
    }
  }
  return map;
}

const NO_LINKS = new Map<number, Row[]>();

/** How one field of a record is made from a row (own column, reference slug, or link list). */
type FieldPlan =
  | { kind: "column"; field: string; index: number; convert: ((value: unknown) => unknown) | null; date: boolean }
  | { kind: "reference"; field: string; index: number }
  | { kind: "specialties"; field: string }
  | { kind: "requirements"; field: string };

/** TypeORM column types whose hydrated value is the driver's value unchanged, on both dialects (prepareHydratedValue). */
const VERBATIM_TYPES = new Set<unknown>(["varchar", "character varying", "text", "integer", "int", "int4"]);

function verbatim(column: ColumnMetadata): boolean {
  if (column.transformer) return false;
  if (VERBATIM_TYPES.has(column.type)) return true;
  // A string enum's value comes back as the string; numeric enum values would be converted.
  return column.type === "simple-enum" && !column.isArray && (column.enum ?? []).every((v) => typeof v === "string");
}

export class RecordBuilder {
  private readonly plans = new Map<EntityName, FieldPlan[]>();

  constructor(
    private readonly ds: DataSource,
    private readonly reader: SnapshotReader,
    private readonly includeDrafts: boolean,
  ) {}

  /**
   * The fields of an entity's records in file order, each column's metadata looked up once:
   * values go through the driver's own hydration (`prepareHydratedValue`), as TypeORM reads them,
   * except for plain text columns, where that is the identity.
   */
  private plan(entity: EntityName): FieldPlan[] {
    let plan = this.plans.get(entity);
    if (plan) return plan;
    const metadata = this.ds.getMetadata(TABLES[entity].entity);
    const driver = this.ds.driver;
    const columns = selectColumns(entity);
    plan = FIELDS[entity].map((field): FieldPlan => {
      if (field === "institution" || field === "pathway") return { kind: "reference", field, index: columns.indexOf(`${field}Slug`) };
      if (field === "specialties") return { kind: "specialties", field };
      if (field === "requirements") return { kind: "requirements", field };
      const column = metadata.findColumnWithPropertyName(field);
      if (!column) throw new Error(`snapshot export: ${entity} has no column ${field}`);
      const convert = verbatim(column) ? null : (value: unknown) => driver.prepareHydratedValue(value, column);
      return { kind: "column", field, index: columns.indexOf(field), convert, date: DATE_FIELDS.has(field) };
    });
    this.plans.set(entity, plan);
    return plan;
  }

  /**
   * The records of one entity, one chunk at a time. A chunk's links are fetched with one look-up
   * per link table, through statements prepared once, so the number of statements grows with
   * size / chunkSize, never with the number of records.
   */
  async *records(entity: EntityName, chunkSize: number): AsyncGenerator<RecordChunk> {
    const reader = this.reader;
    const plan = this.plan(entity);
    for await (const rows of reader.chunks(selectSql(reader, entity, this.includeDrafts), chunkSize)) {
      let specialties = NO_LINKS;
      let requirements = NO_LINKS;
      if (entity === "programs" || entity === "pathways") {
        const ids = rows.map((row) => ownerId(row[0]));
        const params = [reader.dialect === "postgres" ? ids : JSON.stringify(ids)];
        if (entity === "programs") {
          specialties = groupBy(await reader.all(linkSql(reader, "programSpecialties"), params));
          requirements = groupBy(await reader.all(linkSql(reader, "programRequirements"), params));
        } else {
          requirements = groupBy(await reader.all(linkSql(reader, "pathwayRequirements"), params));
        }
      }
      yield new RecordChunk(entity, plan, rows, specialties, requirements);
    }
  }
}

/**
 * One chunk of an entity's records: its rows and their links. A record's values are built when
 * asked for, so that one record's, not a chunk's, are alive at a time (what is alive when the
 * young generation is collected is copied, and promoted to old space the second time).
 */
export class RecordChunk implements Iterable<RecordValues> {
  constructor(
    private readonly entity: EntityName,
    private readonly plan: FieldPlan[],
    private readonly rows: Row[],
    private readonly specialties: Map<number, Row[]>,
    private readonly requirements: Map<number, Row[]>,
  ) {}

  get length(): number {
    return this.rows.length;
  }

  /** Record `r` of the chunk: its values in file order. */
  values(r: number): RecordValues {
    const row = this.rows[r];
    const plan = this.plan;
    const values: RecordValues = new Array(plan.length);
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i];
      if (p.kind === "column") {
        let value = row[p.index];
        if (p.convert) value = p.convert(value);
        if (p.date && value instanceof Date) value = value.toISOString();
        values[i] = value ?? null;
      } else if (p.kind === "reference") {
        values[i] = row[p.index] ?? null;
      } else if (p.kind === "specialties") {
        const list = this.specialties.get(ownerId(row[0]));
        values[i] = list ? list.map((l) => l[1]) : [];
      } else {
        const list = this.requirements.get(ownerId(row[0]));
        values[i] = !list
          ? []
          : this.entity === "programs"
            ? list.map((l) => ({ code: l[1], level: l[2], minimumScore: l[3] === null || l[3] === undefined ? null : Number(l[3]), note: l[4] ?? null }))
            : list.map((l) => ({ code: l[1], level: l[2], note: l[3] ?? null }));
      }
    }
    return values;
  }

  *[Symbol.iterator](): Iterator<RecordValues> {
    for (let r = 0; r < this.rows.length; r++) yield this.values(r);
  }
}
