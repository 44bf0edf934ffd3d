import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { ConnectionArgs, Page } from "../../core/connection";
import { paginate, type Ordering } from "../../core/pagination";
import { PathwayRequirement } from "./pathway-requirement.entity";
import { Pathway } from "./pathway.entity";

const BY_NAME: Ordering<Pathway> = {
  name: "NAME",
  keys: [
    { expr: "pw.name", value: (p) => p.name, direction: "ASC" },
    { expr: "pw.id", value: (p) => p.id, direction: "ASC" },
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

  list(args: ConnectionArgs, includeArchived: boolean): Promise<Page<Pathway>> {
    return paginate(this.query(includeArchived), BY_NAME, args);
  }

  byIds(ids: readonly number[]): Promise<Pathway[]> {
    return this.repo.createQueryBuilder("pw").where("pw.id IN (:...ids)", { ids: [...ids] }).getMany();
  }

  /** Requirement links of many pathways, each with its catalogue entry, in one statement. */
  requirementLinks(pathwayIds: readonly number[]): Promise<PathwayRequirement[]> {
    return this.dataSource
      .getRepository(PathwayRequirement)
      .createQueryBuilder("pr")
      .innerJoinAndSelect("pr.requirement", "r")
      .where("pr.pathwayId IN (:...ids)", { ids: [...pathwayIds] })
      .orderBy("pr.level", "DESC")
      .addOrderBy("r.code", "ASC")
      .getMany();
  }
}
