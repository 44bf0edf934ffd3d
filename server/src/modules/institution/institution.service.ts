import type { DataSource, Repository, SelectQueryBuilder } from "typeorm";
import type { Page } from "../../core/connection";
import { SortDirection } from "../../core/enums";
import { flip, paginate, type Ordering } from "../../core/pagination";
import { columnsKey } from "../../core/field-selection";
import { QueryTexts } from "../../core/query-text";
import { namesByIds, type RecordName } from "../../core/record-names";
import { getManyFast } from "../../core/rows";
import { translationStaleSql } from "../../core/translation";
import { applyWordSearch } from "../search/word-search";
import { InstitutionOrder, type InstitutionFilter, type InstitutionsArgs } from "./institution.args";
import { Institution } from "./institution.entity";

function institutionOrdering(
  order: InstitutionOrder,
  direction: SortDirection | null | undefined,
  postgres: boolean,
): Ordering {
  const natural = order === InstitutionOrder.NAME ? SortDirection.ASC : SortDirection.DESC;
  const dir = direction ?? natural;
  const keys =
    order === InstitutionOrder.NAME
      ? [
          { expr: "i.name", direction: "ASC" as const },
          { expr: "i.id", direction: "ASC" as const },
        ]
      : [
          {
            expr: "i.updatedAt",
            direction: "DESC" as const,
            ...(postgres ? { cursorExpr: "CAST(i.updatedAt AS text)" } : {}),
          },
          { expr: "i.id", direction: "DESC" as const },
        ];
  return {
    name: `${order}:${dir}`,
    keys: dir === natural ? keys : keys.map((k) => ({ ...k, direction: flip(k.direction) })),
  };
}

/** A column read beside each institution of a page (`InstitutionService.list`). */
export interface InstitutionRowsWith {
  select: string;
  parameters: Record<string, unknown>;
  /** Names everything `select` and `parameters` are built from, if they are always the same for it. */
  shape?: string;
  onRow: (institution: Institution, value: unknown) => void;
}

const WITH_ROWS_ALIAS = "x_with";

export class InstitutionService {
  private readonly repo: Repository<Institution>;
  private readonly postgres: boolean;
  /** Page statements' texts by shape (see `list`). */
  private readonly pageTexts = new QueryTexts();

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(Institution);
    this.postgres = dataSource.options.type === "postgres";
  }

  /** Archived institutions are hidden from anonymous readers. */
  query(includeArchived: boolean): SelectQueryBuilder<Institution> {
    const qb = this.repo.createQueryBuilder("i");
    if (!includeArchived) qb.where("i.archivedAt IS NULL");
    return qb;
  }

  private applyFilter(
    qb: SelectQueryBuilder<Institution>,
    filter: InstitutionFilter | null | undefined,
    includeDrafts: boolean,
  ): void {
    if (!filter) return;
    if (filter.ids?.length) qb.andWhere("i.id IN (:...iIds)", { iIds: filter.ids.map(Number) });
    if (filter.country?.length) qb.andWhere("i.country IN (:...iCountry)", { iCountry: filter.country });
    if (filter.region?.length)
      qb.andWhere("i.region IN (:...iRegion)", { iRegion: filter.region.map((r) => r.toUpperCase()) });
    if (filter.kind?.length) qb.andWhere("i.kind IN (:...iKind)", { iKind: filter.kind });
    if (typeof filter.translationStale === "boolean") qb.andWhere(translationStaleSql("i", filter.translationStale));
    if (filter.archived === true) qb.andWhere("i.archivedAt IS NOT NULL");
    if (filter.archived === false) qb.andWhere("i.archivedAt IS NULL");
    if (filter.hasProgramType?.length) {
      const visible = includeDrafts ? "" : ` AND xp.status = 'PUBLISHED'`;
      qb.andWhere(
        `EXISTS (SELECT 1 FROM programs xp WHERE xp."institutionId" = i.id AND xp.type IN (:...iTypes)${visible})`,
        {
          iTypes: filter.hasProgramType,
        },
      );
    }
  }

  /**
   * One page; `columns` narrows what each row carries, as for programs (core/field-selection.ts).
   * `withRows.select` is one more column (SQL with named parameters, alias `i` for the institution)
   * read with each row and handed to `withRows.onRow`; it is left out, and `onRow` never called,
   * when its parameters' names clash with the page's own.
   */
  list(
    args: InstitutionsArgs,
    includeArchived: boolean,
    columns?: readonly string[] | null,
    withRows?: InstitutionRowsWith,
  ): Promise<Page<Institution>> {
    const qb = this.query(includeArchived);
    if (columns) qb.select(columns.map((c) => `i.${c}`));
    this.applyFilter(qb, args.filter, includeArchived);
    applyWordSearch(qb, ["i.name", "i.nameFr", "i.city"], args.search);
    const own = qb.getParameters();
    const fits = withRows && Object.keys(withRows.parameters).every((name) => !(name in own));
    const ordering = institutionOrdering(args.orderBy ?? InstitutionOrder.NAME, args.orderDirection, this.postgres);
    if (fits) {
      // The page reads first + 1 rows to learn whether more follow; the last one's column is never
      // used, so it is not computed (for nested program pages, one subquery in 21 spared).
      const order = ordering.keys.map((k) => `${k.expr} ${k.direction}`).join(", ");
      const first = Number.isInteger(args.first) ? args.first : 0;
      qb.addSelect(
        `CASE WHEN ROW_NUMBER() OVER (ORDER BY ${order}) <= ${first} THEN ${withRows.select} END`,
        WITH_ROWS_ALIAS,
      ).setParameters({ ...own, ...withRows.parameters });
    }
    const onRow = fits
      ? (i: Institution, raw: Record<string, unknown>) => withRows.onRow(i, raw[WITH_ROWS_ALIAS])
      : undefined;
    // Without a filter or search the text depends only on these (and on the ordering and page size).
    const shape =
      !args.filter && !args.search && (!withRows || (fits && withRows.shape !== undefined))
        ? JSON.stringify([includeArchived, columnsKey(columns ?? null), withRows?.shape ?? null])
        : null;
    return paginate(qb, ordering, args, undefined, onRow, shape ? { texts: this.pageTexts, shape } : undefined);
  }

  findOne(key: { id?: number; slug?: string }, includeArchived: boolean): Promise<Institution | null> {
    const qb = this.query(includeArchived);
    if (key.id !== undefined) qb.andWhere("i.id = :id", { id: key.id });
    if (key.slug !== undefined) qb.andWhere("i.slug = :slug", { slug: key.slug });
    return qb.getOne();
  }

  /**
   * Batch look-up behind the institution loaders (on every program page): raw rows, mapped
   * directly; `columns` narrows each row to those properties (the id among them);
   * `includeArchived: false` (anonymous readers) leaves archived institutions out.
   */
  byIds(ids: readonly number[], columns?: readonly string[] | null, includeArchived = true): Promise<Institution[]> {
    const qb = this.query(includeArchived).andWhere("i.id IN (:...ids)", { ids: [...ids] });
    if (columns) qb.select(columns.map((c) => `i.${c}`));
    return getManyFast(qb);
  }

  /** Names by id for the history, archived ones included (core/record-names.ts). */
  namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    return namesByIds(this.repo, ids, ["name"], (i) => i.name);
  }
}
