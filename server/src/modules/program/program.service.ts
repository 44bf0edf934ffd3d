import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { AppConfig } from "../../core/config";
import type { ConnectionArgs, Page } from "../../core/connection";
import { dialectOf, type Dialect } from "../../core/data-source";
import { ListingStatus, type SortDirection } from "../../core/enums";
import { BadUserInputError } from "../../core/errors";
import { paginate } from "../../core/pagination";
import { offMainThread } from "../../core/sqlite-readers";
import { Institution } from "../institution/institution.entity";
import { programSearchFor, type ProgramSearch } from "../search/program-search";
import { parseFullTextSearch, type SearchTerms } from "../search/search-terms";
import { ProgramOrder } from "./program.args";
import { applyProgramFilter, type FacetDimension } from "./program.filter";
import type { ProgramFilter } from "./program.filter-input";
import { ORDER_INSTITUTION_ALIAS, programOrdering } from "./program.orderings";
import { Program } from "./program.entity";

/** Which programs a read is about: visibility, filter and search. */
export interface ProgramCriteria {
  includeDrafts: boolean;
  filter?: ProgramFilter | null;
  search?: SearchTerms | null;
  /** Entity properties to select (the primary key among them); every column when absent. */
  columns?: readonly string[] | null;
}

export interface ProgramListOptions extends ConnectionArgs {
  filter?: ProgramFilter | null;
  search?: string | null;
  orderBy?: ProgramOrder | null;
  orderDirection?: SortDirection | null;
}

export class ProgramService {
  private readonly repo: Repository<Program>;
  readonly dialect: Dialect;
  private readonly fullText: ProgramSearch;

  constructor(
    dataSource: DataSource,
    readonly config: AppConfig,
  ) {
    this.repo = dataSource.getRepository(Program);
    this.dialect = dialectOf(dataSource);
    this.fullText = programSearchFor(this.dialect);
  }

  /** The base query every read starts from: anonymous readers see published listings only. */
  query(includeDrafts: boolean): SelectQueryBuilder<Program> {
    const qb = this.repo.createQueryBuilder("p");
    if (!includeDrafts) qb.where("p.status = :published", { published: ListingStatus.PUBLISHED });
    return qb;
  }

  /**
   * Programs matching criteria, one row each. With a search, the matches' relevance is joined as
   * `fts.relevance` and returned. `except` leaves one filter dimension out (facets).
   */
  matching(criteria: ProgramCriteria, except?: FacetDimension): { qb: SelectQueryBuilder<Program>; relevance?: string } {
    const qb = this.query(criteria.includeDrafts);
    if (criteria.columns) qb.select(criteria.columns.map((c) => `p.${c}`));
    applyProgramFilter(qb, criteria.filter, { reviewIntervalDays: this.config.reviewIntervalDays }, except);
    const relevance = criteria.search ? this.fullText.join(qb, criteria.search, "fts") : undefined;
    return { qb, relevance };
  }

  /** One page; `columns` narrows what each program row carries (see core/field-selection.ts). */
  async list(options: ProgramListOptions, includeDrafts: boolean, columns?: readonly string[] | null): Promise<Page<Program>> {
    const search = parseFullTextSearch(options.search);
    const order = options.orderBy ?? (search ? ProgramOrder.RELEVANCE : ProgramOrder.TITLE);
    if (order === ProgramOrder.RELEVANCE && !search) {
      throw BadUserInputError.field(["orderBy"], "RELEVANCE needs a search with at least one letter or digit; use another ordering without one");
    }
    const { qb, relevance } = this.matching({ includeDrafts, filter: options.filter, search, columns });
    // A full-text search ranks every match: a heavy read, run off the event loop.
    if (search) offMainThread(qb);
    const ordering = programOrdering({
      order,
      direction: options.orderDirection,
      dialect: this.dialect,
      relevance: relevance && search ? { expr: relevance, fingerprint: search.fingerprint } : undefined,
    });
    const countQb = qb.clone();
    if (ordering.needsInstitution) qb.leftJoin(Institution, ORDER_INSTITUTION_ALIAS, `${ORDER_INSTITUTION_ALIAS}.id = p.institutionId`);
    return paginate(qb, ordering, options, () => countQb.getCount());
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
}
