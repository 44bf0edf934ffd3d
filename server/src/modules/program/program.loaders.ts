import DataLoader from "dataloader";
import { byKey, groupByKey, keyedBy } from "../../core/batch";
import type { Viewer } from "../../core/context";
import { columnsKey } from "../../core/field-selection";
import type { Services } from "../../core/services";
import type { Specialty } from "../specialty/specialty.entity";
import { EVERY_COLUMN, type RequirementLinkColumns } from "./program-links.service";
import type { ProgramRequirement } from "./program-requirement.entity";
import type { Program } from "./program.entity";

export function createProgramLoaders(services: Services, viewer: Viewer) {
  const { programs, programLinks } = services;
  const requirementLinks = (columns: RequirementLinkColumns) =>
    new DataLoader<number, ProgramRequirement[]>(async (ids) =>
      groupByKey(ids, await programLinks.requirementLinks(ids, columns), (l) => l.programId),
    );
  // One loader per column set: complete links share theirs with a client that asks for every column.
  const requirementLinksSelecting = keyedBy(requirementLinks, (c) => `${columnsKey(c.link)}|${columnsKey(c.requirement)}`);
  const specialties = (columns: readonly string[] | null) =>
    new DataLoader<number, Specialty[]>(async (ids) =>
      groupByKey(ids, await programLinks.specialtyLinks(ids, columns), (l) => l.programId).map((links) => links.map((l) => l.specialty)),
    );
  return {
    programById: new DataLoader<number, Program | null>(async (ids) =>
      byKey(ids, await programs.byIds(ids, viewer.includeDrafts), (p) => p.id),
    ),
    /** Complete links and catalogue entries: for logic that reads them (eligibility). */
    programRequirements: requirementLinksSelecting(EVERY_COLUMN),
    /** Links carrying only the columns a client asked for (core/field-selection.ts): for output only. */
    programRequirementsSelecting: requirementLinksSelecting,
    programSpecialtiesSelecting: keyedBy(specialties, columnsKey),
  };
}
