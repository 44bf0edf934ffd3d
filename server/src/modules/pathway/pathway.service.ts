import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { Page } from "../../core/connection";
import { paginate, type Ordering } from "../../core/pagination";
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
      .orderBy("CASE pr.level WHEN 'REQUIRED' THEN 0 ELSE 1 END", "ASC")
      .addOrderBy("r.code", "ASC");
    if (!includeArchived) qb.andWhere("r.archivedAt IS NULL");
    return qb.getMany();
  }

  /** Names by id for the history, archived ones included (core/record-names.ts). */
  namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    return namesByIds(this.repo, ids, ["name"], (p) => p.name);
  }
}
