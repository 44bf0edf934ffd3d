import DataLoader from "dataloader";
import { byKey } from "../../core/batch";
import type { Page } from "../../core/connection";
import type { Viewer } from "../../core/context";
import type { Services } from "../../core/services";
import type { Program } from "../program/program.entity";
import type { InstitutionProgramsArgs } from "./institution.args";
import type { Institution } from "./institution.entity";

export function createInstitutionLoaders(services: Services, viewer: Viewer) {
  const { institutions, programs } = services;
  const institutionProgramCount = new DataLoader<number, number>((ids) =>
    institutions.programCounts(programs, ids, viewer.includeDrafts),
  );
  // One loader per distinct argument set, so institutions asked for with the same page share a statement.
  const pageLoaders = new Map<string, DataLoader<number, Page<Program>>>();
  const institutionPrograms = (args: InstitutionProgramsArgs) => {
    const key = JSON.stringify([args.first, args.after ?? null, args.orderBy ?? null]);
    let loader = pageLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, Page<Program>>((ids) =>
        institutions.programPages(programs, ids, args, viewer.includeDrafts, (iid) => institutionProgramCount.load(iid)),
      );
      pageLoaders.set(key, loader);
    }
    return loader;
  };
  return {
    institutionById: new DataLoader<number, Institution | null>(async (ids) =>
      byKey(ids, await institutions.byIds(ids), (i) => i.id),
    ),
    institutionProgramCount,
    institutionPrograms,
  };
}
