import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { AppConfig } from "../../core/config";
import { makePage, type ConnectionArgs, type Page } from "../../core/connection";
import { decodeCursor } from "../../core/cursor";
import { dialectOf, type Dialect } from "../../core/data-source";
import { ListingStatus, type SortDirection } from "../../core/enums";
import { BadUserInputError } from "../../core/errors";
import { cursorChecked, paginate } from "../../core/pagination";
import type { RecordName } from "../../core/record-names";
import { objectId } from "../../core/object-id";
import { QueryTexts } from "../../core/query-text";
import { getManyFast } from "../../core/rows";
import { offMainThread, offMainThreadWhenFree } from "../../core/sqlite-readers";
import { Institution } from "../institution/institution.entity";
import { programSearchFor, type ProgramSearch } from "../search/program-search";
import { parseFullTextSearch, type SearchTerms } from "../search/search-terms";
import { ProgramOrder } from "./program.args";
import { applyProgramFilter, type FacetDimension } from "./program.filter";
import type { ProgramFilter } from "./program.filter-input";
import { ORDER_INSTITUTION_ALIAS, programOrdering } from "./program.orderings";
import { Program } from "./program.entity";
import { institutionPage, institutionPageRows } from "./program.institution-pages";
import { ProgramRequirement } from "./program-requirement.entity";
import type { RankedSearch } from "./program.ranked-search";
import type { ProgramFacetIndex } from "./program.facet-index";
import type { VersionedReadIndex } from "../../core/read-index";
import { rowMapper } from "../../core/rows";
import { mapInSlices } from "../../core/event-loop";
import { LISTING_RULE_FIELDS } from "../../core/listing-rules";

/** A program's columns that decide eligibility, with its requirement links (no text but the rules). */
export interface ProgramRuleRow {
  program: Program;
  links: Pick<ProgramRequirement, "requirementId" | "level" | "minimumScore">[];
}

const RULE_COLUMNS = ["id", "audience", "country", "pathwayId", "visaSponsorship", ...LISTING_RULE_FIELDS];

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

/** One page of an institution's programs (the `Institution.programs` field's arguments). */
export interface ProgramPageArgs extends ConnectionArgs {
  first: number;
  filter?: ProgramFilter | null;
  orderBy?: ProgramOrder | null;
  orderDirection?: SortDirection | null;
}

/** What a page reads beside its programs' columns (`ProgramService.list`). */
export interface PageRowsWith {
  selects: Record<string, string>;
  onRow: (program: Program, raw: Record<string, unknown>) => void;
}

/** The alias of a search's join (its `relevance` column orders relevance pages). */
const SEARCH_ALIAS = "fts";

export class ProgramService {
  private readonly repo: Repository<Program>;
  /** findOneWith's SQL texts (core/query-text.ts). */
  private readonly detailTexts = new QueryTexts();
  private readonly pageTexts = new QueryTexts();
  readonly dialect: Dialect;
  private readonly fullText: ProgramSearch;

  constructor(
    dataSource: DataSource,
    readonly config: AppConfig,
    /** Anonymous readers' relevance pages from the facet index (program.ranked-search.ts); SQL alone without it. */
    private readonly ranked: RankedSearch | null = null,
    /** Counts anonymous readers' lists without a search when it is current (never waited for). */
    private readonly facetIndex: VersionedReadIndex<ProgramFacetIndex> | null = null,
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
  matching(
    criteria: ProgramCriteria,
    except?: FacetDimension,
    fullText: ProgramSearch = this.fullText,
  ): { qb: SelectQueryBuilder<Program>; relevance?: string } {
    const qb = this.query(criteria.includeDrafts);
    if (criteria.columns) qb.select(criteria.columns.map((c) => `p.${c}`));
    applyProgramFilter(qb, criteria.filter, { reviewIntervalDays: this.config.reviewIntervalDays }, except);
    const relevance = criteria.search ? fullText.join(qb, criteria.search, SEARCH_ALIAS) : undefined;
    return { qb, relevance };
  }

  /**
   * Every program the filter matches with its requirement links, in title, id order: one
   * statement (a row per link), run off the event loop on SQLite, whatever the directory's size.
   */
  async ruleRows(filter: ProgramFilter | null | undefined, includeDrafts: boolean): Promise<ProgramRuleRow[]> {
    const { qb } = this.matching({ includeDrafts, filter, columns: RULE_COLUMNS });
    qb.leftJoin(ProgramRequirement, "xpr", "xpr.programId = p.id")
      .addSelect(["xpr.requirementId", "xpr.level", "xpr.minimumScore"])
      .orderBy("p.title", "ASC")
      .addOrderBy("p.id", "ASC");
    offMainThread(qb);
    const raw = await qb.getRawMany<Record<string, unknown>>();
    const program = rowMapper(this.repo.manager.connection, Program, "p_");
    const link = rowMapper(this.repo.manager.connection, ProgramRequirement, "xpr_");
    const out: ProgramRuleRow[] = [];
    await mapInSlices(raw, (row) => {
      let last = out[out.length - 1];
      if (!last || last.program.id !== Number(row.p_id)) out.push((last = { program: program(row), links: [] }));
      if (row.xpr_requirementId !== null && row.xpr_requirementId !== undefined) last.links.push(link(row));
    });
    return out;
  }

  /**
   * A list's totalCount: from the facet index when it is current and can evaluate the filter (an
   * anonymous list without a search: the published programs the filter matches), else in SQL.
   */
  private async count(
    inSql: () => Promise<number>,
    filter: ProgramFilter | null | undefined,
    needsSql: boolean,
  ): Promise<number> {
    const members = !needsSql && this.facetIndex ? (await this.facetIndex.ifCurrent())?.matching(filter) : null;
    return members ? members.count() : inSql();
  }

  /**
   * One page; `columns` narrows what each program row carries (see core/field-selection.ts).
   * `withRows.selects` are more expressions (alias → SQL) selected beside the page's columns (not
   * in its count), each row of the page handed to `withRows.onRow` with its raw row.
   */
  async list(
    options: ProgramListOptions,
    includeDrafts: boolean,
    columns?: readonly string[] | null,
    withRows?: PageRowsWith,
  ): Promise<Page<Program>> {
    const search = parseFullTextSearch(options.search);
    const order = options.orderBy ?? (search ? ProgramOrder.RELEVANCE : ProgramOrder.TITLE);
    if (order === ProgramOrder.RELEVANCE && !search) {
      throw BadUserInputError.field(
        ["orderBy"],
        "RELEVANCE needs a search with at least one letter or digit; use another ordering without one",
      );
    }
    const ordering = programOrdering({
      order,
      direction: options.orderDirection,
      dialect: this.dialect,
      relevance: search ? { expr: `${SEARCH_ALIAS}.relevance`, fingerprint: search.fingerprint } : undefined,
    });
    const ranked =
      search && this.ranked && !includeDrafts ? await this.ranked.forPage(search, options, ordering) : null;
    const criteria = { includeDrafts, filter: options.filter, search, columns };
    const { qb } = this.matching(criteria, undefined, ranked?.join);
    // A full-text search ranks every match: a heavy read, run off the event loop. A page without
    // one is a light read, run off it when the read worker is free (core/sqlite-readers.ts).
    if (search) offMainThread(qb);
    else offMainThreadWhenFree(qb);
    const countQb = qb.clone();
    if (ordering.needsInstitution)
      qb.leftJoin(Institution, ORDER_INSTITUTION_ALIAS, `${ORDER_INSTITUTION_ALIAS}.id = p.institutionId`);
    for (const [alias, sql] of Object.entries(withRows?.selects ?? {})) qb.addSelect(sql, alias);
    // Without a search the text depends only on these, so it is built once per shape: the
    // filter's fields and flags (its lists' values are bound parameters, named alike in every
    // query built alike), and `selects` by identity (detailSelects gives the same object).
    const shape = search
      ? undefined
      : JSON.stringify([
          includeDrafts,
          options.filter
            ? JSON.stringify(options.filter, (_key, v: unknown) => (Array.isArray(v) ? v.length : v))
            : null,
          columns ?? null,
          withRows ? objectId(withRows.selects) : null,
        ]);
    return paginate(
      qb,
      ordering,
      options,
      ranked
        ? async () => ranked.count
        : () => this.count(() => countQb.getCount(), options.filter, includeDrafts || Boolean(search)),
      withRows?.onRow,
      shape === undefined ? undefined : { texts: this.pageTexts, shape },
    );
  }

  /**
   * A page that only answers `totalCount` (the client asked for nothing else): the count alone,
   * from the facet index as `list` counts, else one statement. Arguments are checked as `list`
   * checks them, the cursor included.
   */
  async countOnly(options: ProgramListOptions, includeDrafts: boolean): Promise<Page<Program>> {
    const search = parseFullTextSearch(options.search);
    const order = options.orderBy ?? (search ? ProgramOrder.RELEVANCE : ProgramOrder.TITLE);
    if (order === ProgramOrder.RELEVANCE && !search) return this.list(options, includeDrafts);
    const ordering = programOrdering({
      order,
      direction: options.orderDirection,
      dialect: this.dialect,
      // Only the ordering's name is used (to check the cursor): the expression is never run.
      relevance: search ? { expr: "relevance", fingerprint: search.fingerprint } : undefined,
    });
    if (options.after) decodeCursor(options.after, ordering.name, ordering.keys.length);
    // The statement is built only when the facet index cannot answer (as `list` counts).
    const inSql = () => {
      const { qb } = this.matching({ includeDrafts, filter: options.filter, search });
      if (search) offMainThread(qb);
      return qb.getCount();
    };
    return makePage([], false, Boolean(options.after), () =>
      this.count(inSql, options.filter, includeDrafts || Boolean(search)),
    );
  }

  /** One program; `columns` narrows the row as in `list` (rows mapped without TypeORM's hydration). */
  async findOne(
    key: { id?: number; slug?: string },
    includeDrafts: boolean,
    columns?: readonly string[] | null,
  ): Promise<Program | null> {
    const qb = this.query(includeDrafts);
    if (columns) qb.select(columns.map((c) => `p.${c}`));
    if (key.id !== undefined) qb.andWhere("p.id = :id", { id: key.id });
    if (key.slug !== undefined) qb.andWhere("p.slug = :slug", { slug: key.slug });
    const [found] = await getManyFast(qb.limit(1));
    return found ?? null;
  }

  /**
   * One program as `findOne` reads it, with more expressions selected beside its columns (alias →
   * SQL, e.g. a relation as JSON: program.detail.ts), returned in the raw row.
   */
  async findOneWith(
    key: { id?: number; slug?: string },
    includeDrafts: boolean,
    columns: readonly string[] | null,
    selects: Readonly<Record<string, string>>,
  ): Promise<{ program: Program; raw: Record<string, unknown> } | null> {
    const qb = this.query(includeDrafts);
    if (columns) qb.select(columns.map((c) => `p.${c}`));
    for (const [alias, sql] of Object.entries(selects)) qb.addSelect(sql, alias);
    if (key.id !== undefined) qb.andWhere("p.id = :id", { id: key.id });
    if (key.slug !== undefined) qb.andWhere("p.slug = :slug", { slug: key.slug });
    // The text depends on these alone (values are bound): built once per shape, not per request.
    // `selects` by identity: detailSelects gives the same object for the same selects.
    const shape = `${includeDrafts}|${key.id !== undefined}|${key.slug !== undefined}|${columns?.join(",")}|${objectId(selects)}`;
    const [raw] = await this.detailTexts.reuse(qb.limit(1), shape).getRawMany<Record<string, unknown>>();
    return raw ? { program: rowMapper(this.repo.manager.connection, Program, "p_")(raw), raw } : null;
  }

  /**
   * Programs by id; `columns` narrows the rows as in `list` (rows mapped without TypeORM's
   * hydration), and `withRows` reads more beside them as it does for a page.
   */
  async byIds(
    ids: readonly number[],
    includeDrafts: boolean,
    columns?: readonly string[] | null,
    withRows?: PageRowsWith,
  ): Promise<Program[]> {
    const qb = this.query(includeDrafts).andWhere("p.id IN (:...ids)", { ids: [...ids] });
    if (columns) qb.select(columns.map((c) => `p.${c}`));
    if (!withRows) return getManyFast(qb);
    for (const [alias, sql] of Object.entries(withRows.selects)) qb.addSelect(sql, alias);
    // Programs with their relations (eligibility's page): a light read, as a page is.
    offMainThreadWhenFree(qb);
    const map = rowMapper(this.repo.manager.connection, Program, "p_");
    return (await qb.getRawMany<Record<string, unknown>>()).map((raw) => {
      const program = map(raw);
      withRows.onRow(program, raw);
      return program;
    });
  }

  /**
   * One page of programs for each of many institutions, in one statement
   * (program.institution-pages.ts); `columns` narrows the rows as in `list`.
   */
  async pagesByInstitution(
    institutionIds: readonly number[],
    args: ProgramPageArgs,
    includeDrafts: boolean,
    countFor: (institutionId: number) => Promise<number>,
    columns?: readonly string[] | null,
  ): Promise<Page<Program>[]> {
    // Within one institution, INSTITUTION says nothing and RELEVANCE has no search: both fall back to TITLE.
    const order =
      args.orderBy === ProgramOrder.INSTITUTION || args.orderBy === ProgramOrder.RELEVANCE
        ? ProgramOrder.TITLE
        : args.orderBy;
    const ordering = programOrdering({
      order: order ?? ProgramOrder.TITLE,
      direction: args.orderDirection,
      dialect: this.dialect,
    });
    const values = args.after ? decodeCursor(args.after, ordering.name, ordering.keys.length) : null;
    if (args.first === 0)
      return institutionIds.map((iid) => makePage([], false, Boolean(args.after), () => countFor(iid)));

    // Rows are grouped by institution below: the key is read whatever the client selected.
    const selected = columns && !columns.includes("institutionId") ? [...columns, "institutionId"] : columns;
    const { qb } = this.matching({ includeDrafts, filter: args.filter, columns: selected });
    const rows = await cursorChecked(args.after, () =>
      institutionPageRows(qb, this.dialect, institutionIds, ordering, values, args.first + 1),
    );
    const byInstitution = new Map<number, typeof rows>();
    for (const row of rows) {
      const iid = Number(row.entity.institutionId);
      let mine = byInstitution.get(iid);
      if (!mine) byInstitution.set(iid, (mine = []));
      mine.push(row);
    }
    return institutionIds.map((iid) =>
      institutionPage(byInstitution.get(iid) ?? [], args, ordering, () => countFor(iid)),
    );
  }

  /** Program counts per institution (with a program filter) in one GROUP BY statement. */
  async countsByInstitution(
    institutionIds: readonly number[],
    includeDrafts: boolean,
    filter?: ProgramFilter | null,
  ): Promise<number[]> {
    const qb = this.query(includeDrafts);
    applyProgramFilter(qb, filter, { reviewIntervalDays: this.config.reviewIntervalDays });
    const raw = await qb
      .select("p.institutionId", "institutionId")
      .addSelect("COUNT(*)", "n")
      .andWhere("p.institutionId IN (:...iids)", { iids: [...institutionIds] })
      .groupBy("p.institutionId")
      .getRawMany<{ institutionId: number; n: string | number }>();
    const counts = new Map(raw.map((r) => [Number(r.institutionId), Number(r.n)]));
    return institutionIds.map((id) => counts.get(id) ?? 0);
  }

  /**
   * Names by id for the history, whatever their status: the title and, where there is one, the
   * institution ("Internal Medicine Residency — Mayo Clinic"), in one statement.
   */
  async namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    if (ids.length === 0) return [];
    const rows = await this.repo
      .createQueryBuilder("p")
      .leftJoin(Institution, "i", "i.id = p.institutionId")
      .select("p.id", "id")
      .addSelect("p.title", "title")
      .addSelect("i.name", "institution")
      .where("p.id IN (:...ids)", { ids: [...ids] })
      .getRawMany<{ id: number; title: string; institution: string | null }>();
    return rows.map((r) => ({ id: Number(r.id), name: r.institution ? `${r.title} — ${r.institution}` : r.title }));
  }
}
