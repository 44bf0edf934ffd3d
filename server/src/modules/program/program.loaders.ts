import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { groupByKey } from "../../core/batch";
import type { Services } from "../../core/context";
import {
  columnLoaders,
  columnsFor,
  columnsKey,
  COLUMNS_ONLY,
  entityColumnLoaders,
  subtree,
  type FieldTree,
} from "../../core/field-selection";
import type { Viewer } from "../../core/viewer";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { EVERY_COLUMN, type RequirementLinkColumns } from "./program-links.service";
import { PROGRAM_REQUIREMENT_COLUMNS, ProgramRequirement } from "./program-requirement.entity";

/** The columns a requirement-links field needs: the link's, and its catalogue entry's. */
export function requirementLinkColumns(ds: DataSource, fields: FieldTree): RequirementLinkColumns {
  return {
    link: columnsFor(ds, ProgramRequirement, fields, PROGRAM_REQUIREMENT_COLUMNS),
    requirement: columnsFor(ds, Requirement, subtree(fields, "requirement"), COLUMNS_ONLY),
  };
}

export function createProgramLoaders(services: Services, viewer: Viewer, ds: DataSource) {
  const { programLinks } = services;
  const requirementLinks = (includeArchived: boolean) => (columns: RequirementLinkColumns) =>
    new DataLoader<number, ProgramRequirement[]>(async (ids) =>
      groupByKey(ids, await programLinks.requirementLinks(ids, columns, includeArchived), (l) => l.programId),
    );
  return {
    /**
     * A program's requirement links with their catalogue entries. `selecting(info)` is for output:
     * it hides archived catalogue entries from anonymous readers; `.complete` is for logic that
     * reads every link, archived entries included (eligibility).
     */
    programRequirements: columnLoaders<number, ProgramRequirement[], RequirementLinkColumns>({
      columnsOf: (fields) => requirementLinkColumns(ds, fields),
      key: (c) => `${columnsKey(c.link)}|${columnsKey(c.requirement)}`,
      complete: EVERY_COLUMN,
      make: requirementLinks(viewer.includeDrafts),
      // For curators both read the same rows, so complete links share their loader with a client that asks for every column.
      makeComplete: viewer.includeDrafts ? undefined : requirementLinks(true),
    }),
    programSpecialties: entityColumnLoaders(
      ds,
      Specialty,
      COLUMNS_ONLY,
      (columns) =>
        new DataLoader<number, Specialty[]>(async (ids) =>
          groupByKey(
            ids,
            await programLinks.specialtyLinks(ids, columns, viewer.includeDrafts),
            (l) => l.programId,
          ).map((links) => links.map((l) => l.specialty)),
        ),
    ),
  };
}
