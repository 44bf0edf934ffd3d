import { LRUCache } from "lru-cache";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { Context, Loaders } from "../../core/context";
import type { Dialect } from "../../core/data-source";
import { columnsFor, COLUMNS_ONLY, type FieldTree } from "../../core/field-selection";
import { jsonList, jsonRow, jsonRowMapper, jsonTuple, parsedJson } from "../../core/json-select";
import { INSTITUTION_COLUMNS, Institution } from "../institution/institution.entity";
import { PathwayRequirement } from "../pathway/pathway-requirement.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { EVERY_COLUMN, type RequirementLinkColumns } from "./program-links.service";
import { ProgramRequirement } from "./program-requirement.entity";
import { ProgramSpecialty } from "./program-specialty.entity";
import type { Program } from "./program.entity";
import { requirementLinkColumns } from "./program.loaders";

/**
 * One program with the relations its query selects, in one statement: each relation is a
 * correlated subquery returning JSON (core/json-select.ts), as PostGraphile reads a detail page,
 * instead of one statement per relation loader. The rows read are the ones the loaders would
 * read, with the same visibility (archived institutions, pathways and catalogue entries hidden
 * from anonymous readers), columns and order; they are primed into the request's loaders, so the
 * field resolvers run unchanged and find them there.
 *
 * The pathway loader and its links are not column-pruned: they get every column, as they do.
 */
export interface DetailPlan {
  institution?: { fields: FieldTree; columns: readonly string[] | null };
  pathway?: { requirements: boolean };
  specialties?: { fields: FieldTree; columns: readonly string[] | null };
  requirements?: { fields: FieldTree; columns: RequirementLinkColumns };
}

/** What to read with the program for the fields under `program`, or null when no relation is asked for. */
export function detailPlan(ds: DataSource, fields: FieldTree): DetailPlan | null {
  const plan: DetailPlan = {};
  const institution = fields.get("institution");
  if (institution)
    plan.institution = { fields: institution, columns: columnsFor(ds, Institution, institution, INSTITUTION_COLUMNS) };
  const pathway = fields.get("pathway");
  if (pathway) plan.pathway = { requirements: pathway.has("requirements") };
  const specialties = fields.get("specialties");
  if (specialties)
    plan.specialties = { fields: specialties, columns: columnsFor(ds, Specialty, specialties, COLUMNS_ONLY) };
  const requirements = fields.get("requirements");
  if (requirements) plan.requirements = { fields: requirements, columns: requirementLinkColumns(ds, requirements) };
  return Object.keys(plan).length > 0 ? plan : null;
}

const ALIASES = {
  institution: "x_institution",
  pathway: "x_pathway",
  pathwayRequirements: "x_pathway_requirements",
  specialties: "x_specialties",
  requirements: "x_requirements",
};

/** Selects already written, per data source, by what they are written from (see detailSelects). */
const writtenSelects = new WeakMap<DataSource, LRUCache<string, Readonly<Record<string, string>>>>();

/**
 * The subqueries to select beside the program's columns (alias → SQL), correlated to the
 * programs alias `p`. `includeArchived` is the viewer's (curators see archived rows). The same
 * plan gets the same (frozen) object every time: writing them was ~3% of a detail request's CPU,
 * and the program service keys its SQL texts by it (core/query-text.ts).
 */
export function detailSelects(
  ds: DataSource,
  dialect: Dialect,
  plan: DetailPlan,
  includeArchived: boolean,
): Readonly<Record<string, string>> {
  const absent = 0; // distinct from null (every column) and from a column list
  const shape = JSON.stringify([
    dialect,
    includeArchived,
    plan.institution ? plan.institution.columns : absent,
    plan.pathway ? plan.pathway.requirements : absent,
    plan.specialties ? plan.specialties.columns : absent,
    plan.requirements ? plan.requirements.columns : absent,
  ]);
  let known = writtenSelects.get(ds);
  if (!known) writtenSelects.set(ds, (known = new LRUCache({ max: 100 })));
  let selects = known.get(shape);
  if (!selects) known.set(shape, (selects = Object.freeze(writeSelects(ds, dialect, plan, includeArchived))));
  return selects;
}

function writeSelects(
  ds: DataSource,
  dialect: Dialect,
  plan: DetailPlan,
  includeArchived: boolean,
): Record<string, string> {
  const q = (name: string) => ds.driver.escape(name);
  const table = (target: EntityTarget<ObjectLiteral>, alias: string) =>
    `${q(ds.getMetadata(target).tableName)} ${q(alias)}`;
  const visible = (alias: string) => (includeArchived ? "" : ` AND ${q(alias)}.${q("archivedAt")} IS NULL`);
  // REQUIRED first on both dialects (PostgreSQL orders its enum by declaration), then by code: the loaders' order.
  const linkOrder = (link: string, entry: string) =>
    `CASE ${q(link)}.${q("level")} WHEN 'REQUIRED' THEN 0 WHEN 'COMMONLY_REQUIRED' THEN 1 ELSE 2 END, ${q(entry)}.${q("code")}`;
  const p = (column: string) => `${q("p")}.${q(column)}`;
  /** The row whose id is the program's `key` column, or null. */
  const one = (target: EntityTarget<ObjectLiteral>, alias: string, columns: readonly string[] | null, key: string) =>
    `(SELECT ${jsonRow(ds, dialect, target, alias, columns)} FROM ${table(target, alias)}` +
    ` WHERE ${q(alias)}.${q("id")} = ${p(key)}${visible(alias)})`;
  /** Rows of a link table whose `owner` column is the program's `key` column, joined to the entries they name. */
  const list = (
    link: { target: EntityTarget<ObjectLiteral>; alias: string; owner: string; entry: string },
    entry: { target: EntityTarget<ObjectLiteral>; alias: string },
    key: string,
    element: string,
    order: string,
  ) =>
    `(SELECT ${jsonList(dialect, element, order)} FROM ${table(link.target, link.alias)}` +
    ` INNER JOIN ${table(entry.target, entry.alias)} ON ${q(entry.alias)}.${q("id")} = ${q(link.alias)}.${q(link.entry)}` +
    ` WHERE ${q(link.alias)}.${q(link.owner)} = ${p(key)}${visible(entry.alias)})`;
  /** Requirement links with their catalogue entries, as [link, entry] pairs. */
  const requirementLinks = (
    target: EntityTarget<ObjectLiteral>,
    owner: string,
    key: string,
    columns: RequirementLinkColumns,
    [l, r]: [string, string],
  ) =>
    list(
      { target, alias: l, owner, entry: "requirementId" },
      { target: Requirement, alias: r },
      key,
      jsonTuple(dialect, [
        jsonRow(ds, dialect, target, l, columns.link),
        jsonRow(ds, dialect, Requirement, r, columns.requirement),
      ]),
      linkOrder(l, r),
    );
  const selects: Record<string, string> = {};
  if (plan.institution)
    selects[ALIASES.institution] = one(Institution, "xi", plan.institution.columns, "institutionId");
  if (plan.pathway) selects[ALIASES.pathway] = one(Pathway, "xw", null, "pathwayId");
  if (plan.pathway?.requirements)
    selects[ALIASES.pathwayRequirements] = requirementLinks(
      PathwayRequirement,
      "pathwayId",
      "pathwayId",
      EVERY_COLUMN,
      ["xwl", "xwr"],
    );
  if (plan.specialties)
    selects[ALIASES.specialties] = list(
      { target: ProgramSpecialty, alias: "xps", owner: "programId", entry: "specialtyId" },
      { target: Specialty, alias: "xs" },
      "id",
      jsonRow(ds, dialect, Specialty, "xs", plan.specialties.columns),
      `${q("xs")}.${q("name")}`,
    );
  if (plan.requirements)
    selects[ALIASES.requirements] = requirementLinks(ProgramRequirement, "programId", "id", plan.requirements.columns, [
      "xpl",
      "xpr",
    ]);
  return selects;
}

type JsonRow = Record<string, unknown>;

/** Links and their catalogue entries, one entry object per catalogue id as the loaders share them. */
function links<L extends { requirement?: Requirement }>(ds: DataSource, target: EntityTarget<L>, value: unknown): L[] {
  const link = jsonRowMapper(ds, target);
  const entry = jsonRowMapper(ds, Requirement);
  const entries = new Map<unknown, Requirement>();
  return (parsedJson<[JsonRow, JsonRow][]>(value) ?? []).map(([l, r]) => {
    const out = link(l);
    let shared = entries.get(r.id);
    if (!shared) entries.set(r.id, (shared = entry(r)));
    out.requirement = shared;
    return out;
  });
}

/**
 * Puts the relations read with `program` (its raw row) into the request's loaders, under the
 * loader each field resolver will ask (the same column set), so that they run no statement.
 */
export function primeDetail(
  ds: DataSource,
  loaders: Loaders,
  plan: DetailPlan,
  program: Program,
  raw: Record<string, unknown>,
): void {
  if (plan.institution && program.institutionId !== null) {
    const row = parsedJson<JsonRow>(raw[ALIASES.institution]);
    loaders.institutionById
      .forFields(plan.institution.fields)
      .prime(program.institutionId, row && jsonRowMapper(ds, Institution)(row));
  }
  if (plan.pathway && program.pathwayId !== null) {
    const row = parsedJson<JsonRow>(raw[ALIASES.pathway]);
    loaders.pathwayById.prime(program.pathwayId, row && jsonRowMapper(ds, Pathway)(row));
    if (plan.pathway.requirements)
      loaders.pathwayRequirementsShown.prime(
        program.pathwayId,
        links(ds, PathwayRequirement, raw[ALIASES.pathwayRequirements]),
      );
  }
  if (plan.specialties) {
    const map = jsonRowMapper(ds, Specialty);
    const rows = parsedJson<JsonRow[]>(raw[ALIASES.specialties]) ?? [];
    loaders.programSpecialties.forFields(plan.specialties.fields).prime(program.id, rows.map(map));
  }
  if (plan.requirements)
    loaders.programRequirements
      .forFields(plan.requirements.fields)
      .prime(program.id, links(ds, ProgramRequirement, raw[ALIASES.requirements]));
}

/** `program(id|slug)` with the relations of `plan`, primed into the request's loaders: one statement. */
export async function loadProgramDetail(
  ctx: Context,
  key: { id?: number; slug?: string },
  columns: readonly string[] | null,
  plan: DetailPlan,
): Promise<Program | null> {
  const { programs } = ctx.services;
  const includeDrafts = ctx.viewer.includeDrafts;
  const selects = detailSelects(ctx.dataSource, programs.dialect, plan, includeDrafts);
  const found = await programs.findOneWith(key, includeDrafts, columns, selects);
  if (!found) return null;
  primeDetail(ctx.dataSource, ctx.loaders, plan, found.program, found.raw);
  return found.program;
}
