import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { AppConfig } from "../../core/config";
import type { ConnectionArgs, Page } from "../../core/connection";
import { ListingStatus } from "../../core/enums";
import { paginate, type Ordering } from "../../core/pagination";
import { Specialty } from "../specialty/specialty.entity";
import { ProgramOrder } from "./program.args";
import { ProgramRequirement } from "./program-requirement.entity";
import { ProgramSpecialty } from "./program-specialty.entity";
import { Program } from "./program.entity";

export const PROGRAM_ORDERINGS: Record<ProgramOrder, Ordering<Program>> = {
  [ProgramOrder.TITLE]: {
    name: ProgramOrder.TITLE,
    keys: [
      { expr: "p.title", value: (p) => p.title, direction: "ASC" },
      { expr: "p.id", value: (p) => p.id, direction: "ASC" },
    ],
  },
  [ProgramOrder.RECENTLY_UPDATED]: {
    name: ProgramOrder.RECENTLY_UPDATED,
    keys: [
      { expr: "p.updatedAt", value: (p) => p.updatedAt, direction: "DESC" },
      { expr: "p.id", value: (p) => p.id, direction: "DESC" },
    ],
  },
};

export interface ProgramListOptions extends ConnectionArgs {
  orderBy?: ProgramOrder | null;
  institutionIds?: number[];
}

export class ProgramService {
  private readonly repo: Repository<Program>;

  constructor(
    private readonly dataSource: DataSource,
    readonly config: AppConfig,
  ) {
    this.repo = dataSource.getRepository(Program);
  }

  /** The base query every read starts from: anonymous readers see published listings only. */
  query(includeDrafts: boolean): SelectQueryBuilder<Program> {
    const qb = this.repo.createQueryBuilder("p");
    if (!includeDrafts) qb.where("p.status = :published", { published: ListingStatus.PUBLISHED });
    return qb;
  }

  async list(options: ProgramListOptions, includeDrafts: boolean): Promise<Page<Program>> {
    const qb = this.query(includeDrafts);
    if (options.institutionIds) qb.andWhere("p.institutionId IN (:...institutionIds)", { institutionIds: options.institutionIds });
    return paginate(qb, PROGRAM_ORDERINGS[options.orderBy ?? ProgramOrder.TITLE], options);
  }

  async findOne(key: { id?: number; slug?: string }, includeDrafts: boolean): Promise<Program | null> {
    const qb = this.query(includeDrafts);
    if (key.id !== undefined) qb.andWhere("p.id = :id", { id: key.id });
    if (key.slug !== undefined) qb.andWhere("p.slug = :slug", { slug: key.slug });
    return qb.getOne();
  }

  async byIds(ids: readonly number[], includeDrafts: boolean): Promise<Program[]> {
    return this.query(includeDrafts).andWhere("p.id IN (:...ids)", { ids: [...ids] }).getMany();
  }

  /** Requirement links of many programs, each with its catalogue entry, in one statement. */
  async requirementLinks(programIds: readonly number[]): Promise<ProgramRequirement[]> {
    return this.dataSource
      .getRepository(ProgramRequirement)
      .createQueryBuilder("pr")
      .innerJoinAndSelect("pr.requirement", "r")
      .where("pr.programId IN (:...ids)", { ids: [...programIds] })
      .orderBy("pr.level", "DESC")
      .addOrderBy("r.code", "ASC")
      .getMany();
  }

  /** Specialties of many programs in one statement, as (programId, specialty) pairs. */
  async specialtyLinks(programIds: readonly number[]): Promise<{ programId: number; specialty: Specialty }[]> {
    const links = await this.dataSource
      .getRepository(ProgramSpecialty)
      .createQueryBuilder("ps")
      .innerJoinAndSelect("ps.specialty", "s")
      .where("ps.programId IN (:...ids)", { ids: [...programIds] })
      .orderBy("s.name", "ASC")
      .getMany();
    return links.map((l) => ({ programId: l.programId, specialty: l.specialty as Specialty }));
  }
}
