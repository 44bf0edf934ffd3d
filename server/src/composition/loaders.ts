import { createAuditLoaders } from "../modules/audit/audit.loaders";
import { createCuratorLoaders } from "../modules/curator/curator.loaders";
import { createInstitutionLoaders } from "../modules/institution/institution.loaders";
import { createPathwayLoaders } from "../modules/pathway/pathway.loaders";
import { createProgramLoaders } from "../modules/program/program.loaders";
import { createRequirementLoaders } from "../modules/requirement/requirement.loaders";
import type { DataSource } from "typeorm";
import type { Loaders, Services } from "../core/context";
import type { Viewer } from "../core/viewer";

/** Fresh DataLoaders for one request, so that no cached row outlives it. */
export function createLoaders(services: Services, viewer: Viewer, dataSource: DataSource): Loaders {
  return {
    ...createInstitutionLoaders(services, viewer, dataSource),
    ...createProgramLoaders(services, viewer, dataSource),
    ...createPathwayLoaders(services, viewer),
    ...createRequirementLoaders(services),
    ...createCuratorLoaders(services),
    ...createAuditLoaders(services),
  };
}
