import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { Page } from "../../core/connection";
import { paginate, type Ordering } from "../../core/pagination";
import { namesByIds, type RecordName } from "../../core/record-names";
import { applyWordSearch } from "../search/word-search";
import type { SpecialtiesArgs } from "./specialty.args";
import { Specialty } from "./specialty.entity";

const BY_NAME: Ordering = {
  name: "NAME",
  keys: [
    { expr: "s.name", direction: "ASC" },
    { expr: "s.id", direction: "ASC" },
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

  list(args: SpecialtiesArgs, includeArchived: boolean): Promise<Page<Specialty>> {
    const qb = this.query(includeArchived);
    if (args.filter?.ids?.length) qb.andWhere("s.id IN (:...sIds)", { sIds: args.filter.ids.map(Number) });
    // The argument and the deprecated filter field both narrow the list (fields combine with AND).
    applyWordSearch(qb, ["s.name", "s.slug"], args.search);
    applyWordSearch(qb, ["s.name", "s.slug"], args.filter?.search);
    return paginate(qb, BY_NAME, args);
  }

  findOne(key: { id?: number; slug?: string }, includeArchived: boolean): Promise<Specialty | null> {
    const qb = this.query(includeArchived);
    if (key.id !== undefined) qb.andWhere("s.id = :id", { id: key.id });
    if (key.slug !== undefined) qb.andWhere("s.slug = :slug", { slug: key.slug });
    return qb.getOne();
  }

  /** Names by id for the history, archived ones included (core/record-names.ts). */
  namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    return namesByIds(this.repo, ids, ["name"], (s) => s.name);
  }
}
