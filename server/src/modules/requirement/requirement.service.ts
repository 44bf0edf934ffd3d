import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { ConnectionArgs, Page } from "../../core/connection";
import { paginate, type Ordering } from "../../core/pagination";
import { Requirement } from "./requirement.entity";

const BY_CODE: Ordering<Requirement> = {
  name: "CODE",
  keys: [
    { expr: "r.code", value: (r) => r.code, direction: "ASC" },
    { expr: "r.id", value: (r) => r.id, direction: "ASC" },
  ],
};

export class RequirementService {
  private readonly repo: Repository<Requirement>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(Requirement);
  }

  query(includeArchived: boolean): SelectQueryBuilder<Requirement> {
    const qb = this.repo.createQueryBuilder("r");
    if (!includeArchived) qb.where("r.archivedAt IS NULL");
    return qb;
  }

  list(args: ConnectionArgs, includeArchived: boolean): Promise<Page<Requirement>> {
    return paginate(this.query(includeArchived), BY_CODE, args);
  }

  findOne(key: { id?: number; code?: string }, includeArchived: boolean): Promise<Requirement | null> {
    const qb = this.query(includeArchived);
    if (key.id !== undefined) qb.andWhere("r.id = :id", { id: key.id });
    if (key.code !== undefined) qb.andWhere("r.code = :code", { code: key.code });
    return qb.getOne();
  }

  byIds(ids: readonly number[]): Promise<Requirement[]> {
    return this.repo.createQueryBuilder("r").where("r.id IN (:...ids)", { ids: [...ids] }).getMany();
  }
}
