import { createCuratorLoaders } from "../modules/curator/curator.loaders";
import { createInstitutionLoaders } from "../modules/institution/institution.loaders";
import { createPathwayLoaders } from "../modules/pathway/pathway.loaders";
import { createProgramLoaders } from "../modules/program/program.loaders";
import { createRequirementLoaders } from "../modules/requirement/requirement.loaders";
import type { Viewer } from "./context";
import type { Services } from "./services";

export function createLoaders(services: Services, viewer: Viewer) {
  return {
    ...createInstitutionLoaders(services, viewer),
    ...createProgramLoaders(services, viewer),
    ...createPathwayLoaders(services, viewer),
    ...createRequirementLoaders(services),
    ...createCuratorLoaders(services),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
