import DataLoader from "dataloader";
import { byKey, keyedBy } from "../../core/batch";
import type { Page } from "../../core/connection";
import { columnsKey } from "../../core/field-selection";
import type { Viewer } from "../../core/context";
import type { Services } from "../../core/services";
import type { Program } from "../program/program.entity";
import type { InstitutionProgramsArgs } from "./institution.args";
import type { Institution } from "./institution.entity";

export function createInstitutionLoaders(services: Services, viewer: Viewer) {
  const { institutions, programs } = services;
  const filterKey = (args: InstitutionProgramsArgs) => JSON.stringify(args.filter ?? null);
  const institutionProgramCount = keyedBy(
    (args: InstitutionProgramsArgs) =>
      new DataLoader<number, number>((ids) => institutions.programCounts(programs, ids, viewer.includeDrafts, args.filter)),
    filterKey,
  );
  const institutionPrograms = keyedBy(
    (args: InstitutionProgramsArgs) =>
      new DataLoader<number, Page<Program>>((ids) =>
        institutions.programPages(programs, ids, args, viewer.includeDrafts, (iid) => institutionProgramCount(args).load(iid)),
      ),
    (args) => JSON.stringify([args.first, args.after ?? null, args.orderBy ?? null, args.orderDirection ?? null, args.filter ?? null]),
  );
  return {
    /**
     * Institutions with only the given columns (core/field-selection.ts; null: every column);
     * null for anonymous readers when the institution is archived.
     */
    institutionByIdSelecting: keyedBy(
      (columns: readonly string[] | null) =>
        new DataLoader<number, Institution | null>(async (ids) => byKey(ids, await institutions.byIds(ids, columns, viewer.includeDrafts), (i) => i.id)),
      columnsKey,
    ),
    institutionProgramCount,
    institutionPrograms,
  };
}
