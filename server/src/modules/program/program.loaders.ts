import DataLoader from "dataloader";
import { byKey, groupByKey } from "../../core/batch";
import type { Viewer } from "../../core/context";
import type { Services } from "../../core/services";
import type { Specialty } from "../specialty/specialty.entity";
import type { ProgramRequirement } from "./program-requirement.entity";
import type { Program } from "./program.entity";

export function createProgramLoaders(services: Services, viewer: Viewer) {
  const { programs, programLinks } = services;
  return {
    programById: new DataLoader<number, Program | null>(async (ids) =>
      byKey(ids, await programs.byIds(ids, viewer.includeDrafts), (p) => p.id),
    ),
    programRequirements: new DataLoader<number, ProgramRequirement[]>(async (ids) =>
      groupByKey(ids, await programLinks.requirementLinks(ids), (l) => l.programId),
    ),
    programSpecialties: new DataLoader<number, Specialty[]>(async (ids) =>
      groupByKey(ids, await programLinks.specialtyLinks(ids), (l) => l.programId).map((links) => links.map((l) => l.specialty)),
    ),
  };
}
