import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { Page } from "../../core/connection";
import { paginate, type Ordering } from "../../core/pagination";
import { rowMapper } from "../../core/rows";
import { namesByIds, type RecordName } from "../../core/record-names";
import { translationStaleSql } from "../../core/translation";
import { applyWordSearch } from "../search/word-search";
import type { PathwaysArgs } from "./pathway.args";
import { PathwayRequirement } from "./pathway-requirement.entity";
import { Pathway } from "./pathway.entity";

const BY_NAME: Ordering = {
  name: "NAME",
  keys: [
    { expr: "pw.name", direction: "ASC" },
    { expr: "pw.id", direction: "ASC" },
  ],
};

export class PathwayService {
  private readonly repo: Repository<Pathway>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(Pathway);
  }

  query(includeArchived: boolean): SelectQueryBuilder<Pathway> {
    const qb = this.repo.createQueryBuilder("pw");
    if (!includeArchived) qb.where("pw.archivedAt IS NULL");
    return qb;
  }

  list(args: PathwaysArgs, includeArchived: boolean): Promise<Page<Pathway>> {
    const qb = this.query(includeArchived);
    const filter = args.filter;
    if (filter?.ids?.length) qb.andWhere("pw.id IN (:...pwIds)", { pwIds: filter.ids.map(Number) });
    if (filter?.kind?.length) qb.andWhere("pw.kind IN (:...pwKind)", { pwKind: filter.kind });
    if (filter?.country?.length) qb.andWhere("pw.country IN (:...pwCountry)", { pwCountry: filter.country });
    if (typeof filter?.translationStale === "boolean") qb.andWhere(translationStaleSql("pw", filter.translationStale));
    applyWordSearch(qb, ["pw.name", "pw.nameFr", "pw.slug"], args.search);
    return paginate(qb, BY_NAME, args);
  }

  findOne(key: { id?: number; slug?: string }, includeArchived: boolean): Promise<Pathway | null> {
    const qb = this.query(includeArchived);
    if (key.id !== undefined) qb.andWhere("pw.id = :id", { id: key.id });
    if (key.slug !== undefined) qb.andWhere("pw.slug = :slug", { slug: key.slug });
    return qb.getOne();
  }

  /** Pathways by id; `includeArchived: false` (anonymous readers) leaves archived ones out. */
  byIds(ids: readonly number[], includeArchived = true): Promise<Pathway[]> {
    return this.query(includeArchived)
      .andWhere("pw.id IN (:...ids)", { ids: [...ids] })
      .getMany();
  }

  /**
   * Requirement links of many pathways, each with its catalogue entry, in one statement;
   * `includeArchived: false` (anonymous readers) leaves out links to archived entries.
   */
  requirementLinks(pathwayIds: readonly number[], includeArchived = true): Promise<PathwayRequirement[]> {
    const qb = this.dataSource
      .getRepository(PathwayRequirement)
      .createQueryBuilder("pr")
      .innerJoinAndSelect("pr.requirement", "r")
      .where("pr.pathwayId IN (:...ids)", { ids: [...pathwayIds] })
      // REQUIRED first on both dialects: PostgreSQL orders an enum by declaration order, not by name.
      .orderBy("CASE pr.level WHEN 'REQUIRED' THEN 0 WHEN 'COMMONLY_REQUIRED' THEN 1 ELSE 2 END", "ASC")
      .addOrderBy("r.code", "ASC");
    if (!includeArchived) qb.andWhere("r.archivedAt IS NULL");
    return qb.getMany();
  }

  /** Pathways by id, archived ones too, with their requirement links (no catalogue entries): one statement. */
  async withLinks(ids: readonly number[]): Promise<{ pathway: Pathway; links: PathwayRequirement[] }[]> {
    if (ids.length === 0) return [];
    const raw = await this.repo
      .createQueryBuilder("pw")
      .leftJoin(PathwayRequirement, "xwr", "xwr.pathwayId = pw.id")
      .addSelect(["xwr.requirementId", "xwr.level"])
      .where("pw.id IN (:...ids)", { ids: [...ids] })
      .orderBy("pw.id", "ASC")
      .getRawMany<Record<string, unknown>>();
    const pathway = rowMapper(this.dataSource, Pathway, "pw_");
    const link = rowMapper(this.dataSource, PathwayRequirement, "xwr_");
    const out: { pathway: Pathway; links: PathwayRequirement[] }[] = [];
    for (const row of raw) {
      let last = out[out.length - 1];
      if (!last || last.pathway.id !== Number(row.pw_id)) out.push((last = { pathway: pathway(row), links: [] }));
      if (row.xwr_requirementId !== null && row.xwr_requirementId !== undefined) last.links.push(link(row));
    }
    return out;
  }

  /** Names by id for the history, archived ones included (core/record-names.ts). */
  namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    return namesByIds(this.repo, ids, ["name"], (p) => p.name);
  }
}
