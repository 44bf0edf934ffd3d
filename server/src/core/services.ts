import type { DataSource } from "typeorm";
import { InstitutionService } from "../modules/institution/institution.service";
import { PathwayService } from "../modules/pathway/pathway.service";
import { ProgramLinksService } from "../modules/program/program-links.service";
import { ProgramService } from "../modules/program/program.service";
import { RequirementService } from "../modules/requirement/requirement.service";
import { SpecialtyService } from "../modules/specialty/specialty.service";
import type { AppConfig } from "./config";

export function createServices(dataSource: DataSource, config: AppConfig) {
  return {
    institutions: new InstitutionService(dataSource),
    programs: new ProgramService(dataSource, config),
    programLinks: new ProgramLinksService(dataSource),
    requirements: new RequirementService(dataSource),
    pathways: new PathwayService(dataSource),
    specialties: new SpecialtyService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
