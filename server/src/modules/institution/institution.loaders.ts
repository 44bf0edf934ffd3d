import DataLoader from "dataloader";
import { byKey, keyedBy } from "../../core/batch";
import type { Page } from "../../core/connection";
import { columnsKey, entityColumnLoaders } from "../../core/field-selection";
import type { DataSource } from "typeorm";
import type { Viewer } from "../../core/viewer";
import type { Services } from "../../core/context";
import type { Program } from "../program/program.entity";
import type { InstitutionProgramsArgs } from "./institution.args";
import { INSTITUTION_COLUMNS, Institution } from "./institution.entity";

export function createInstitutionLoaders(services: Services, viewer: Viewer, ds: DataSource) {
  const { institutions, programs } = services;
  const filterKey = (args: InstitutionProgramsArgs) => JSON.stringify(args.filter ?? null);
  const institutionProgramCount = keyedBy(
    (args: InstitutionProgramsArgs) =>
      new DataLoader<number, number>((ids) => programs.countsByInstitution(ids, viewer.includeDrafts, args.filter)),
    filterKey,
  );
  /** Pages of programs per institution, kept per arguments and per column set (core/field-selection.ts). */
  const institutionPrograms = keyedBy(
    ({ args, columns }: { args: InstitutionProgramsArgs; columns: readonly string[] | null }) =>
      new DataLoader<number, Page<Program>>((ids) =>
        programs.pagesByInstitution(
          ids,
          args,
          viewer.includeDrafts,
          (iid) => institutionProgramCount(args).load(iid),
          columns,
        ),
      ),
    ({ args, columns }) =>
      JSON.stringify([
        columnsKey(columns),
        args.first,
        args.after ?? null,
        args.orderBy ?? null,
        args.orderDirection ?? null,
        args.filter ?? null,
      ]),
  );
  return {
    /**
     * Institutions by id, reading the columns the selection needs (core/field-selection.ts);
     * null for anonymous readers when the institution is archived.
     */
    institutionById: entityColumnLoaders(
      ds,
      Institution,
      INSTITUTION_COLUMNS,
      (columns) =>
        new DataLoader<number, Institution | null>(async (ids) =>
          byKey(ids, await institutions.byIds(ids, columns, viewer.includeDrafts), (i) => i.id),
        ),
    ),
    institutionProgramCount,
    institutionPrograms,
  };
}
