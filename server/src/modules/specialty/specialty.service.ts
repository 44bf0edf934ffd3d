import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { ConnectionArgs, Page } from "../../core/connection";
import { paginate, type Ordering } from "../../core/pagination";
import { Specialty } from "./specialty.entity";

const BY_NAME: Ordering<Specialty> = {
  name: "NAME",
  keys: [
    { expr: "s.name", value: (s) => s.name, direction: "ASC" },
    { expr: "s.id", value: (s) => s.id, direction: "ASC" },
  ],
};

export class SpecialtyService {
  private readonly repo: Repository<Specialty>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(Specialty);
  }

  query(includeArchived: boolean): SelectQueryBuilder<Specialty> {
    const qb = this.repo.createQueryBuilder("s");
    if (!includeArchived) qb.where("s.archivedAt IS NULL");
    return qb;
  }

  list(args: ConnectionArgs, includeArchived: boolean): Promise<Page<Specialty>> {
    return paginate(this.query(includeArchived), BY_NAME, args);
  }
}
