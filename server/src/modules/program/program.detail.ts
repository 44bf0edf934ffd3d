import { LRUCache } from "lru-cache";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { Page } from "../../core/connection";
import type { Context, Loaders } from "../../core/context";
import type { Dialect } from "../../core/data-source";
import { columnsFor, COLUMNS_ONLY, type FieldTree } from "../../core/field-selection";
import { jsonList, jsonRow, jsonRowMapper, jsonRowPosition, jsonTuple, parsedJson } from "../../core/json-select";
import { INSTITUTION_COLUMNS, Institution } from "../institution/institution.entity";
import { PathwayRequirement } from "../pathway/pathway-requirement.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { EVERY_COLUMN, type RequirementLinkColumns } from "./program-links.service";
import { ProgramRequirement } from "./program-requirement.entity";
import { ProgramSpecialty } from "./program-specialty.entity";
import type { Program } from "./program.entity";
import { keepRelationsRead, type ProgramRelationsRead } from "./program.relations";
import type { PageRowsWith, ProgramListOptions } from "./program.service";
import { requirementLinkColumns } from "./program.loaders";

/**
 * Programs with the relations their query selects, in the programs' statement: each relation is
 * a correlated subquery returning JSON (core/json-select.ts), as PostGraphile reads a page or a
 * detail page, instead of one statement per relation loader. The rows read are the ones the
 * loaders would read, with the same visibility (archived institutions, pathways and catalogue
 * entries hidden from anonymous readers), columns and order. The program's own relations are
 * kept beside its row (program.relations.ts), where its field resolvers find them; the pathway's
 * are primed into the request's loaders.
 *
 * The pathway loader and its links are not column-pruned: they get every column, as they do.
 */
export interface DetailPlan {
  institution?: { columns: readonly string[] | null };
  pathway?: { requirements: boolean };
  specialties?: { columns: readonly string[] | null };
  requirements?: { columns: RequirementLinkColumns };
}

// Field trees of a cached document are reused across requests (core/field-selection.ts): so are their plans.
const plans = new WeakMap<DataSource, WeakMap<FieldTree, DetailPlan | null>>();

/** What to read with the program for the fields under `program`, or null when no relation is asked for. */
export function detailPlan(ds: DataSource, fields: FieldTree): DetailPlan | null {
  let perSource = plans.get(ds);
  if (!perSource) plans.set(ds, (perSource = new WeakMap()));
  if (perSource.has(fields)) return perSource.get(fields)!;
  const plan: DetailPlan = {};
  const institution = fields.get("institution");
  if (institution) plan.institution = { columns: columnsFor(ds, Institution, institution, INSTITUTION_COLUMNS) };
  const pathway = fields.get("pathway");
  if (pathway) plan.pathway = { requirements: pathway.has("requirements") };
  const specialties = fields.get("specialties");
  if (specialties) plan.specialties = { columns: columnsFor(ds, Specialty, specialties, COLUMNS_ONLY) };
  const requirements = fields.get("requirements");
  if (requirements) plan.requirements = { columns: requirementLinkColumns(ds, requirements) };
  const found = Object.keys(plan).length > 0 ? plan : null;
  perSource.set(fields, found);
  return found;
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
  if (!selects) known.set(shape, (selects = Object.freeze(buildSelects(ds, dialect, plan, includeArchived))));
  return selects;
}

function buildSelects(
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

type JsonRow = unknown[];

/**
 * Reads the relations selected with `detailSelects` out of raw rows: institution, specialties and
 * requirement links are kept beside each program (program.relations.ts), for its field resolvers
 * to answer without a loader; the pathway and its links are primed into the request's loaders.
 * One reader serves a page: catalogue entries are one object per id across its rows, as the
 * loaders share them.
 */
export function relationsReader(
  ds: DataSource,
  loaders: Loaders,
  plan: DetailPlan,
): (program: Program, raw: Record<string, unknown>) => void {
  const institution = jsonRowMapper(ds, Institution, plan.institution?.columns ?? null);
  const specialty = jsonRowMapper(ds, Specialty, plan.specialties?.columns ?? null);
  const pathway = jsonRowMapper(ds, Pathway, null);
  /** Links with their catalogue entries, one entry object per id (per link table: their columns differ). */
  const links = <L extends { requirement?: Requirement }>(target: EntityTarget<L>, columns: RequirementLinkColumns) => {
    const link = jsonRowMapper(ds, target, columns.link);
    const entry = jsonRowMapper(ds, Requirement, columns.requirement);
    const idAt = jsonRowPosition(ds, Requirement, columns.requirement, "id");
    const entries = new Map<unknown, Requirement>();
    return (value: unknown): L[] =>
      (parsedJson<[JsonRow, JsonRow][]>(value) ?? []).map(([l, r]) => {
        const out = link(l);
        let shared = entries.get(r[idAt]);
        if (!shared) entries.set(r[idAt], (shared = entry(r)));
        out.requirement = shared;
        return out;
      });
  };
  const programLinks = links(ProgramRequirement, plan.requirements?.columns ?? EVERY_COLUMN);
  const pathwayLinks = links(PathwayRequirement, EVERY_COLUMN);
  return (program, raw) => {
    const relations: ProgramRelationsRead = {};
    if (plan.institution) {
      const row = program.institutionId === null ? null : parsedJson<JsonRow>(raw[ALIASES.institution]);
      relations.institution = row && institution(row);
    }
    if (plan.specialties)
      relations.specialties = (parsedJson<JsonRow[]>(raw[ALIASES.specialties]) ?? []).map(specialty);
    if (plan.requirements) relations.requirements = programLinks(raw[ALIASES.requirements]);
    keepRelationsRead(program, relations);
    if (plan.pathway && program.pathwayId !== null) {
      const row = parsedJson<JsonRow>(raw[ALIASES.pathway]);
      loaders.pathwayById.prime(program.pathwayId, row && pathway(row));
      if (plan.pathway.requirements)
        loaders.pathwayRequirementsShown.prime(program.pathwayId, pathwayLinks(raw[ALIASES.pathwayRequirements]));
    }
  };
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
  relationsReader(ctx.dataSource, ctx.loaders, plan)(found.program, found.raw);
  return found.program;
}

/** What a statement of programs reads beside their columns for `plan`, and how each row's relations are kept. */
function relationsWith(ctx: Context, plan: DetailPlan): PageRowsWith {
  const selects = detailSelects(ctx.dataSource, ctx.services.programs.dialect, plan, ctx.viewer.includeDrafts);
  return { selects, onRow: relationsReader(ctx.dataSource, ctx.loaders, plan) };
}

/** `programs(…)` with the relations of `plan` read in the page's statement (program.relations.ts). */
export function loadProgramPage(
  ctx: Context,
  args: ProgramListOptions,
  columns: readonly string[] | null,
  plan: DetailPlan,
): Promise<Page<Program>> {
  return ctx.services.programs.list(args, ctx.viewer.includeDrafts, columns, relationsWith(ctx, plan));
}

/** Programs by id, with the relations of `plan` (none for null) read in their statement (eligibility's page of programs). */
export function loadProgramsByIds(
  ctx: Context,
  ids: readonly number[],
  columns: readonly string[] | null,
  plan: DetailPlan | null,
): Promise<Program[]> {
  const withRows = plan ? relationsWith(ctx, plan) : undefined;
  return ctx.services.programs.byIds(ids, ctx.viewer.includeDrafts, columns, withRows);
}
