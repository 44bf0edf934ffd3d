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
  const requirementLinks = (includeArchived: boolean) => (columns: RequirementLinkColumns) =>
    new DataLoader<number, ProgramRequirement[]>(async (ids) =>
      groupByKey(ids, await programLinks.requirementLinks(ids, columns, includeArchived), (l) => l.programId),
    );
  const linkKey = (c: RequirementLinkColumns) => `${columnsKey(c.link)}|${columnsKey(c.requirement)}`;
  // One loader per column set. Logic (eligibility) reads every link, archived entries included;
  // output hides archived entries from anonymous readers. For curators the two are the same, so
  // complete links share theirs with a client that asks for every column.
  const everyRequirementLink = keyedBy(requirementLinks(true), linkKey);
  const shownRequirementLinks = viewer.includeDrafts ? everyRequirementLink : keyedBy(requirementLinks(false), linkKey);
  const specialties = (columns: readonly string[] | null) =>
    new DataLoader<number, Specialty[]>(async (ids) =>
      groupByKey(ids, await programLinks.specialtyLinks(ids, columns, viewer.includeDrafts), (l) => l.programId).map((links) =>
        links.map((l) => l.specialty),
      ),
    );
  return {
    programById: new DataLoader<number, Program | null>(async (ids) =>
      byKey(ids, await programs.byIds(ids, viewer.includeDrafts), (p) => p.id),
    ),
    /** Complete links and catalogue entries, archived ones included: for logic that reads them (eligibility). */
    programRequirements: everyRequirementLink(EVERY_COLUMN),
    /**
     * Links carrying only the columns a client asked for (core/field-selection.ts), without
     * archived catalogue entries for anonymous readers: for output only.
     */
    programRequirementsSelecting: shownRequirementLinks,
    programSpecialtiesSelecting: keyedBy(specialties, columnsKey),
  };
}
