import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { Page } from "../../core/connection";
import { makePage } from "../../core/connection";
import { decodeCursor, encodeCursor } from "../../core/cursor";
import { applyKeyset, paginate, type Ordering } from "../../core/pagination";
import { getManyFast } from "../../core/rows";
import { ProgramOrder } from "../program/program.args";
import type { Program } from "../program/program.entity";
import { PROGRAM_ORDERINGS, type ProgramService } from "../program/program.service";
import { InstitutionOrder, type InstitutionProgramsArgs, type InstitutionsArgs } from "./institution.args";
import { Institution } from "./institution.entity";

const ORDERINGS: Record<InstitutionOrder, Ordering<Institution>> = {
  [InstitutionOrder.NAME]: {
    name: InstitutionOrder.NAME,
    keys: [
      { expr: "i.name", value: (i) => i.name, direction: "ASC" },
      { expr: "i.id", value: (i) => i.id, direction: "ASC" },
    ],
  },
  [InstitutionOrder.RECENTLY_UPDATED]: {
    name: InstitutionOrder.RECENTLY_UPDATED,
    keys: [
      { expr: "i.updatedAt", value: (i) => i.updatedAt, direction: "DESC" },
      { expr: "i.id", value: (i) => i.id, direction: "DESC" },
    ],
  },
};

export class InstitutionService {
  private readonly repo: Repository<Institution>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(Institution);
  }

  /** Archived institutions are hidden from anonymous readers. */
  query(includeArchived: boolean): SelectQueryBuilder<Institution> {
    const qb = this.repo.createQueryBuilder("i");
    if (!includeArchived) qb.where("i.archivedAt IS NULL");
    return qb;
  }

  list(args: InstitutionsArgs, includeArchived: boolean): Promise<Page<Institution>> {
    return paginate(this.query(includeArchived), ORDERINGS[args.orderBy ?? InstitutionOrder.NAME], args);
  }

  findOne(key: { id?: number; slug?: string }, includeArchived: boolean): Promise<Institution | null> {
    const qb = this.query(includeArchived);
    if (key.id !== undefined) qb.andWhere("i.id = :id", { id: key.id });
    if (key.slug !== undefined) qb.andWhere("i.slug = :slug", { slug: key.slug });
    return qb.getOne();
  }

  /** Batch look-up behind the institutionById loader (on every program page): raw rows, mapped directly. */
  byIds(ids: readonly number[]): Promise<Institution[]> {
    return getManyFast(this.repo.createQueryBuilder("i").where("i.id IN (:...ids)", { ids: [...ids] }));
  }

  /**
   * One page of programs for each of many institutions, in one statement: the rows after the
   * cursor for all of them, split per institution in memory.
   */
  async programPages(
    programs: ProgramService,
    institutionIds: readonly number[],
    args: InstitutionProgramsArgs,
    includeDrafts: boolean,
    countFor: (institutionId: number) => Promise<number>,
  ): Promise<Page<Program>[]> {
    const ordering = PROGRAM_ORDERINGS[args.orderBy ?? ProgramOrder.TITLE];
    const qb = programs.query(includeDrafts).andWhere("p.institutionId IN (:...iids)", { iids: [...institutionIds] });
    if (args.after) applyKeyset(qb, ordering.keys, decodeCursor(args.after, ordering.name, ordering.keys.length));
    ordering.keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.expr, k.direction) : qb.addOrderBy(k.expr, k.direction)));
    const rows = args.first === 0 ? [] : await qb.getMany();
    return institutionIds.map((iid) => {
      const mine = rows.filter((p) => p.institutionId === iid);
      const nodes = mine.slice(0, args.first);
      const edges = nodes.map((node) => ({
        node,
        cursor: encodeCursor(ordering.name, ordering.keys.map((k) => k.value(node))),
      }));
      return makePage(edges, mine.length > args.first, Boolean(args.after), () => countFor(iid));
    });
  }

  /** Program counts per institution in one GROUP BY statement. */
  async programCounts(programs: ProgramService, institutionIds: readonly number[], includeDrafts: boolean): Promise<number[]> {
    const raw = await programs
      .query(includeDrafts)
      .select("p.institutionId", "institutionId")
      .addSelect("COUNT(*)", "n")
      .andWhere("p.institutionId IN (:...iids)", { iids: [...institutionIds] })
      .groupBy("p.institutionId")
      .getRawMany<{ institutionId: number; n: string | number }>();
    const counts = new Map(raw.map((r) => [Number(r.institutionId), Number(r.n)]));
    return institutionIds.map((id) => counts.get(id) ?? 0);
  }
}
