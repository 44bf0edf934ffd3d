import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { Page } from "../../core/connection";
import { paginate, type Ordering } from "../../core/pagination";
import { namesByIds, type RecordName } from "../../core/record-names";
import { translationStaleSql } from "../../core/translation";
import { applyWordSearch } from "../search/word-search";
import type { RequirementsArgs } from "./requirement.args";
import { RequirementImplication } from "./requirement-implication.entity";
import { Requirement } from "./requirement.entity";

const BY_CODE: Ordering = {
  name: "CODE",
  keys: [
    { expr: "r.code", direction: "ASC" },
    { expr: "r.id", direction: "ASC" },
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

  list(args: RequirementsArgs, includeArchived: boolean): Promise<Page<Requirement>> {
    const qb = this.query(includeArchived);
    const filter = args.filter;
    if (filter?.ids?.length) qb.andWhere("r.id IN (:...rIds)", { rIds: filter.ids.map(Number) });
    if (filter?.kind?.length) qb.andWhere("r.kind IN (:...rKind)", { rKind: filter.kind });
    if (typeof filter?.translationStale === "boolean") qb.andWhere(translationStaleSql("r", filter.translationStale));
    // The argument and the deprecated filter field both narrow the list (fields combine with AND).
    applyWordSearch(qb, ["r.code", "r.name", "r.nameFr"], args.search);
    applyWordSearch(qb, ["r.code", "r.name", "r.nameFr"], filter?.search);
    return paginate(qb, BY_CODE, args);
  }

  /** Catalogue entries by code, archived ones included (a candidate may hold an archived exam). */
  byCodes(codes: readonly string[]): Promise<Requirement[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder("r")
      .where("r.code IN (:...codes)", { codes: [...codes] })
      .getMany();
  }

  findOne(key: { id?: number; code?: string }, includeArchived: boolean): Promise<Requirement | null> {
    const qb = this.query(includeArchived);
    if (key.id !== undefined) qb.andWhere("r.id = :id", { id: key.id });
    if (key.code !== undefined) qb.andWhere("r.code = :code", { code: key.code });
    return qb.getOne();
  }

  byIds(ids: readonly number[]): Promise<Requirement[]> {
    return this.repo
      .createQueryBuilder("r")
      .where("r.id IN (:...ids)", { ids: [...ids] })
      .getMany();
  }

  /** The whole catalogue, archived entries too (what eligibility reads: tens of rows). */
  all(): Promise<Requirement[]> {
    return this.repo.createQueryBuilder("r").orderBy("r.id", "ASC").getMany();
  }

  /** Every implication (requirement → implied), in one statement. */
  implications(): Promise<RequirementImplication[]> {
    return this.repo.manager
      .getRepository(RequirementImplication)
      .createQueryBuilder("ri")
      .orderBy("ri.requirementId", "ASC")
      .addOrderBy("ri.impliedId", "ASC")
      .getMany();
  }

  /** Implications of many requirements (the `implies` field's loader), in one statement. */
  impliedBy(ids: readonly number[]): Promise<RequirementImplication[]> {
    return this.repo.manager
      .getRepository(RequirementImplication)
      .createQueryBuilder("ri")
      .where("ri.requirementId IN (:...ids)", { ids: [...ids] })
      .getMany();
  }

  /** Names by id for the history, archived ones included (core/record-names.ts). */
  namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    return namesByIds(this.repo, ids, ["name"], (r) => r.name);
  }
}
