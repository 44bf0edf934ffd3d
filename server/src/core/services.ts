import type { DataSource } from "typeorm";
import { EligibilityService } from "../modules/eligibility/eligibility.service";
import { InstitutionService } from "../modules/institution/institution.service";
import { PathwayService } from "../modules/pathway/pathway.service";
import { ProgramService } from "../modules/program/program.service";
import { RequirementService } from "../modules/requirement/requirement.service";
import { SpecialtyService } from "../modules/specialty/specialty.service";
import type { AppConfig } from "./config";

export function createServices(dataSource: DataSource, config: AppConfig) {
  const programs = new ProgramService(dataSource, config);
  const requirements = new RequirementService(dataSource);
  return {
    institutions: new InstitutionService(dataSource),
    programs,
    requirements,
    pathways: new PathwayService(dataSource),
    specialties: new SpecialtyService(dataSource),
    eligibility: new EligibilityService(programs, requirements),
  };
}

export type Services = ReturnType<typeof createServices>;
