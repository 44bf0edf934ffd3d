import type { DataSource, SelectQueryBuilder } from "typeorm";
import { rowMapper } from "../../core/rows";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { ProgramRequirement } from "./program-requirement.entity";
import { ProgramSpecialty } from "./program-specialty.entity";

/**
 * Which columns a link read carries (entity property names; null = every column). The catalogue
 * entry's columns are repeated on every link row, so narrowing them matters most.
 */
export interface RequirementLinkColumns {
  link: readonly string[] | null;
  requirement: readonly string[] | null;
}

export const EVERY_COLUMN: RequirementLinkColumns = { link: null, requirement: null };

/** Selects `columns` of a joined alias (every column when null). */
function selectColumns<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  columns: readonly string[] | null,
): void {
  if (columns) qb.addSelect(columns.map((c) => `${alias}.${c}`));
  else qb.addSelect(alias);
}

/**
 * The batch reads behind the program relation loaders (requirements and specialties of many
 * programs, one statement each). They run on every program page, so they map raw rows
 * directly (core/rows.ts) instead of going through TypeORM's join hydration.
 *
 * `includeArchived: false` (what anonymous readers get) leaves out links to archived catalogue
 * entries, as the catalogue queries leave out the entries themselves; the filter is in the
 * statement, so it holds whatever columns a client asked for.
 */
export class ProgramLinksService {
  constructor(private readonly dataSource: DataSource) {}

  /** Requirement links of many programs, each with its catalogue entry, REQUIRED first, then COMMONLY_REQUIRED, then by code. */
  async requirementLinks(
    programIds: readonly number[],
    columns: RequirementLinkColumns = EVERY_COLUMN,
    includeArchived = true,
  ): Promise<ProgramRequirement[]> {
    const qb = this.dataSource
      .getRepository(ProgramRequirement)
      .createQueryBuilder("pr")
      .select([])
      .innerJoin("pr.requirement", "r")
      .where("pr.programId IN (:...ids)", { ids: [...programIds] })
      // Not `level DESC`: PostgreSQL sorts its enum by declaration order, SQLite by text.
      .orderBy("CASE pr.level WHEN 'REQUIRED' THEN 0 WHEN 'COMMONLY_REQUIRED' THEN 1 ELSE 2 END", "ASC")
      .addOrderBy("r.code", "ASC");
    if (!includeArchived) qb.andWhere("r.archivedAt IS NULL");
    selectColumns(qb, "pr", columns.link);
    selectColumns(qb, "r", columns.requirement);
    const raw = await qb.getRawMany<Record<string, unknown>>();
    const link = rowMapper(this.dataSource, ProgramRequirement, "pr_");
    const requirement = rowMapper(this.dataSource, Requirement, "r_");
    // One object per catalogue entry, shared by the links that name it.
    const requirements = new Map<unknown, Requirement>();
    return raw.map((row) => {
      const l = link(row);
      let r = requirements.get(row.r_id);
      if (!r) requirements.set(row.r_id, (r = requirement(row)));
      l.requirement = r;
      return l;
    });
  }

  /** Specialties of many programs in one statement, as (programId, specialty) pairs, by name. */
  async specialtyLinks(
    programIds: readonly number[],
    columns: readonly string[] | null = null,
    includeArchived = true,
  ): Promise<{ programId: number; specialty: Specialty }[]> {
    const qb = this.dataSource
      .getRepository(ProgramSpecialty)
      .createQueryBuilder("ps")
      .select("ps.programId")
      .innerJoin("ps.specialty", "s")
      .where("ps.programId IN (:...ids)", { ids: [...programIds] })
      .orderBy("s.name", "ASC");
    if (!includeArchived) qb.andWhere("s.archivedAt IS NULL");
    selectColumns(qb, "s", columns);
    const raw = await qb.getRawMany<Record<string, unknown>>();
    const specialty = rowMapper(this.dataSource, Specialty, "s_");
    const specialties = new Map<unknown, Specialty>();
    return raw.map((row) => {
      let s = specialties.get(row.s_id);
      if (!s) specialties.set(row.s_id, (s = specialty(row)));
      return { programId: Number(row.ps_programId), specialty: s };
    });
  }
}
