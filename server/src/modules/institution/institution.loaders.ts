import DataLoader from "dataloader";
import { byKey } from "../../core/batch";
import type { Page } from "../../core/connection";
import type { Viewer } from "../../core/context";
import type { Services } from "../../core/services";
import type { Program } from "../program/program.entity";
import type { InstitutionProgramsArgs } from "./institution.args";
import type { Institution } from "./institution.entity";

/** One loader per distinct value of `key`, so that equal argument sets share one statement. */
function perArguments<A, L>(make: (args: A) => L, key: (args: A) => string): (args: A) => L {
  const loaders = new Map<string, L>();
  return (args) => {
    const k = key(args);
    let loader = loaders.get(k);
    if (!loader) loaders.set(k, (loader = make(args)));
    return loader;
  };
}

export function createInstitutionLoaders(services: Services, viewer: Viewer) {
  const { institutions, programs } = services;
  const filterKey = (args: InstitutionProgramsArgs) => JSON.stringify(args.filter ?? null);
  const institutionProgramCount = perArguments(
    (args: InstitutionProgramsArgs) =>
      new DataLoader<number, number>((ids) => institutions.programCounts(programs, ids, viewer.includeDrafts, args.filter)),
    filterKey,
  );
  const institutionPrograms = perArguments(
    (args: InstitutionProgramsArgs) =>
      new DataLoader<number, Page<Program>>((ids) =>
        institutions.programPages(programs, ids, args, viewer.includeDrafts, (iid) => institutionProgramCount(args).load(iid)),
      ),
    (args) => JSON.stringify([args.first, args.after ?? null, args.orderBy ?? null, args.orderDirection ?? null, args.filter ?? null]),
  );
  return {
    institutionById: new DataLoader<number, Institution | null>(async (ids) =>
      byKey(ids, await institutions.byIds(ids), (i) => i.id),
    ),
    institutionProgramCount,
    institutionPrograms,
  };
}
