/**
 * The SQL that reads the directory as snapshot records, a chunk at a time, ordered by slug/code in
 * code-point order (the canonical order). Values go through TypeORM's own hydration for each
 * column, so dates and booleans read the same from both databases.
 *
 * Link lists (a program's specialties and requirements, a pathway's requirements, the codes a
 * requirement implies) reach the
 * record as JSON text (JsonText), written into files as they are:
 * - SQLite makes it: a correlated json_group_array(… ORDER BY slug/code) per row, in the same
 *   statement. Its text is byte for byte JSON.stringify's (same escapes, no spaces; the golden
 *   tests and format tests hold every control character, quotes, non-ASCII). No link rows, maps
 *   or objects exist in JavaScript: the exporter's largest allocation and CPU cost after encoding.
 * - PostgreSQL's json functions format differently (spaces), so there one statement per link
 *   table fetches a chunk's links and JSON.stringify makes the text.
 */
import type { DataSource } from "typeorm";
import { ListingStatus } from "../../core/enums";
import { passesThrough } from "../../core/rows";
import { Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { compareKeys, JsonText } from "./canonical-hash";
import type { Row, SnapshotReader } from "./snapshot-reader";
import { DATE_FIELDS, FIELDS, KEY, scalarFields, type EntityName, type SnapshotRecord } from "./snapshot.format";
import type { EntityClass } from "../../core/data-source";

const TABLES: Record<EntityName, { table: string; alias: string; entity: EntityClass }> = {
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

type Link = "programSpecialties" | "programRequirements" | "pathwayRequirements" | "requirementImplications";
type LinkField = "specialties" | "requirements" | "implies";

/** The link lists of each entity's records, by field. */
const LINKS: Partial<Record<EntityName, Partial<Record<LinkField, Link>>>> = {
  programs: { specialties: "programSpecialties", requirements: "programRequirements" },
  pathways: { requirements: "pathwayRequirements" },
  requirements: { implies: "requirementImplications" },
};

/**
 * Each link table: the owner column, the JSON object of one link (its fields in file order, which
 * is also the sorted order), what orders the list, and the joins.
 */
const LINK_SQL: Record<
  Link,
  { owner: string; value: [string, string][]; key: string; from: string; visible?: string }
> = {
  programSpecialties: {
    owner: `ps."programId"`,
    value: [["", `s."slug"`]],
    key: `s."slug"`,
    from: `"program_specialties" ps JOIN "specialties" s ON s."id" = ps."specialtyId"`,
  },
  programRequirements: {
    owner: `pr."programId"`,
    value: [
      ["code", `r."code"`],
      ["level", `pr."level"`],
      ["minimumScore", `pr."minimumScore"`],
      ["note", `pr."note"`],
    ],
    key: `r."code"`,
    from: `"program_requirements" pr JOIN "requirements" r ON r."id" = pr."requirementId"`,
  },
  pathwayRequirements: {
    owner: `wr."pathwayId"`,
    value: [
      ["code", `r."code"`],
      ["level", `wr."level"`],
      ["note", `wr."note"`],
    ],
    key: `r."code"`,
    from: `"pathway_requirements" wr JOIN "requirements" r ON r."id" = wr."requirementId"`,
  },
  requirementImplications: {
    owner: `ri."requirementId"`,
    value: [["", `q."code"`]],
    key: `q."code"`,
    from: `"requirement_implications" ri JOIN "requirements" q ON q."id" = ri."impliedId"`,
    // A published-only file lists only the implied entries it holds, so every code resolves.
    visible: `ri."impliedId" IN (SELECT r."id" FROM "requirements" r WHERE ${VISIBLE.requirements})`,
  },
};

/** The condition that keeps a link's rows to those a published-only export may show. */
function linkFilter(link: Link, includeDrafts: boolean): string {
  const visible = LINK_SQL[link].visible;
  return visible && !includeDrafts ? ` AND ${visible}` : "";
}

/** SQLite: the JSON text of one owner's links (alias `ownerAlias`), made by the database. */
function linkJsonSql(link: Link, owner: string, includeDrafts: boolean): string {
  const { value, key, from } = LINK_SQL[link];
  const item =
    value.length === 1 && value[0][0] === ""
      ? value[0][1]
      : `json_object(${value.map(([k, v]) => `'${k}', ${v}`).join(", ")})`;
  return `(SELECT json_group_array(${item} ORDER BY ${key}) FROM ${from} WHERE ${LINK_SQL[link].owner} = ${owner}${linkFilter(link, includeDrafts)})`;
}

/** PostgreSQL: one chunk's links, [ownerId, …the link's fields], for `owner = ANY($1)`. */
function linkRowsSql(link: Link, includeDrafts: boolean): string {
  const { owner, value, from } = LINK_SQL[link];
  return `SELECT ${owner}, ${value.map(([, v]) => v).join(", ")} FROM ${from} WHERE ${owner} = ANY($1::int[])${linkFilter(link, includeDrafts)}`;
}

/**
 * The entity's columns in select order: `id`, its scalar fields (FIELDS order), for programs the
 * institution's and the pathway's slugs, and on SQLite the JSON of each link list. Rows are read
 * as arrays in this order.
 */
function selectColumns(reader: SnapshotReader, entity: EntityName): string[] {
  const columns = ["id", ...scalarFields(entity)];
  if (entity === "programs") columns.push("institutionSlug", "pathwaySlug");
  if (reader.dialect === "sqlite") for (const field of Object.keys(LINKS[entity] ?? {})) columns.push(`${field}Json`);
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
  if (reader.dialect === "sqlite")
    for (const link of Object.values(LINKS[entity] ?? {}))
      columns.push(linkJsonSql(link, `${alias}."id"`, includeDrafts));
  return `SELECT ${columns.join(", ")} FROM ${from}${where(entity, includeDrafts)} ORDER BY ${orderBy(reader, `${alias}."${KEY[entity]}"`)}`;
}

export function countSql(entity: EntityName, includeDrafts: boolean): string {
  const { table, alias } = TABLES[entity];
  return `SELECT COUNT(*) AS "n" FROM "${table}" ${alias}${where(entity, includeDrafts)}`;
}

function ownerId(value: unknown): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id)) throw new Error("snapshot export: a row without an integer id");
  return id;
}

const bySlugOrCode = (a: Row, b: Row) => compareKeys(String(a[1]), String(b[1]));

/**
 * PostgreSQL: a chunk's link rows as each owner's JSON text, the links in code-point order of
 * their slug/code (what SQLite's BINARY and PostgreSQL's "C" collation give, which the files have
 * always had), each link with its fields in file order.
 */
function linkTexts(link: Link, rows: Row[]): Map<number, JsonText> {
  const byOwner = new Map<number, Row[]>();
  for (const row of rows) {
    const id = ownerId(row[0]);
    const list = byOwner.get(id);
    if (list) list.push(row);
    else byOwner.set(id, [row]);
  }
  const texts = new Map<number, JsonText>();
  for (const [id, list] of byOwner) {
    list.sort(bySlugOrCode);
    const items = list.map((l) =>
      LINK_SQL[link].value.length === 1
        ? l[1]
        : link === "programRequirements"
          ? {
              code: l[1],
              level: l[2],
              minimumScore: l[3] === null || l[3] === undefined ? null : Number(l[3]),
              note: l[4] ?? null,
            }
          : { code: l[1], level: l[2], note: l[3] ?? null },
    );
    texts.set(id, new JsonText(JSON.stringify(items)));
  }
  return texts;
}

const EMPTY_LIST = new JsonText("[]");

/** A date field's value as files carry it. */
const iso = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/** Makes one row's record. */
type RecordMaker = (row: Row, chunk: RecordChunk) => SnapshotRecord;

export class RecordBuilder {
  private readonly makers = new Map<EntityName, RecordMaker>();

  constructor(
    private readonly ds: DataSource,
    private readonly reader: SnapshotReader,
    private readonly includeDrafts: boolean,
  ) {}

  /**
   * The function that makes an entity's record from a row: one object literal with the fields in
   * file order, generated once per entity (field names and column positions come from code,
   * never from data), so that every record has the same shape and no per-field dispatch runs per
   * row. Values go through the driver's own hydration (`prepareHydratedValue`, with each column's
   * metadata looked up once), as TypeORM reads them, except where that is the identity (text,
   * integers, string enums); dates become ISO strings; link lists are JsonText.
   */
  private maker(entity: EntityName): RecordMaker {
    let make = this.makers.get(entity);
    if (make) return make;
    const metadata = this.ds.getMetadata(TABLES[entity].entity);
    const driver = this.ds.driver;
    const columns = selectColumns(this.reader, entity);
    const converters: ((value: unknown) => unknown)[] = [];
    const fields = FIELDS[entity].map((field) => {
      let value: string;
      if (field === "institution" || field === "pathway") value = `row[${columns.indexOf(`${field}Slug`)}] ?? null`;
      else if (field === "specialties" || field === "requirements" || field === "implies") {
        const at = columns.indexOf(`${field}Json`);
        value = at >= 0 ? `new JsonText(row[${at}])` : `chunk.links(${JSON.stringify(LINKS[entity]![field])}, row[0])`;
      } else {
        const column = metadata.findColumnWithPropertyName(field);
        if (!column) throw new Error(`snapshot export: ${entity} has no column ${field}`);
        value = `row[${columns.indexOf(field)}]`;
        if (!passesThrough(column)) {
          converters.push((v) => driver.prepareHydratedValue(v, column));
          value = `convert[${converters.length - 1}](${value})`;
        }
        value = DATE_FIELDS.has(field) ? `iso(${value})` : `${value} ?? null`;
      }
      return `${JSON.stringify(field)}: ${value}`;
    });
    const factory = new Function(
      "convert",
      "iso",
      "JsonText",
      `"use strict"; return (row, chunk) => ({ ${fields.join(", ")} });`,
    );
    make = factory(converters, iso, JsonText) as RecordMaker;
    this.makers.set(entity, make);
    return make;
  }

  /**
   * The records of one entity, one chunk at a time. On PostgreSQL a chunk's links are fetched with
   * one statement per link table, so the number of statements grows with size / chunkSize,
   * never with the number of records; on SQLite they come with the rows.
   */
  async *records(entity: EntityName, chunkSize: number): AsyncGenerator<RecordChunk> {
    const reader = this.reader;
    const make = this.maker(entity);
    const links = reader.dialect === "postgres" ? Object.values(LINKS[entity] ?? {}) : [];
    for await (const rows of reader.chunks(selectSql(reader, entity, this.includeDrafts), chunkSize)) {
      const texts = new Map<Link, Map<number, JsonText>>();
      if (links.length) {
        const ids = rows.map((row) => ownerId(row[0]));
        for (const link of links)
          texts.set(link, linkTexts(link, await reader.all(linkRowsSql(link, this.includeDrafts), [ids])));
      }
      yield new RecordChunk(make, rows, texts);
    }
  }
}

/**
 * One chunk of an entity's records: its rows (and on PostgreSQL their links). A record is made
 * when asked for, so that one record, not a chunk of them, is alive at a time (what is alive when
 * the young generation is collected is copied, and promoted to old space the second time).
 */
export class RecordChunk implements Iterable<SnapshotRecord> {
  constructor(
    private readonly make: RecordMaker,
    private readonly rows: Row[],
    private readonly texts: Map<Link, Map<number, JsonText>>,
  ) {}

  get length(): number {
    return this.rows.length;
  }

  /** The database id of record `r` of the chunk. */
  id(r: number): number {
    return ownerId(this.rows[r][0]);
  }

  /** Record `r` of the chunk, its fields in file order. */
  record(r: number): SnapshotRecord {
    return this.make(this.rows[r], this);
  }

  /** PostgreSQL: an owner's links of one kind, as JSON text. */
  links(link: Link, id: unknown): JsonText {
    return this.texts.get(link)?.get(ownerId(id)) ?? EMPTY_LIST;
  }

  *[Symbol.iterator](): Iterator<SnapshotRecord> {
    for (let r = 0; r < this.rows.length; r++) yield this.record(r);
  }
}
