import DataLoader from "dataloader";
import { byKey, groupByKey } from "../../core/batch";
import type { Services } from "../../core/context";
import type { Viewer } from "../../core/viewer";
import type { PathwayRequirement } from "./pathway-requirement.entity";
import type { Pathway } from "./pathway.entity";

export function createPathwayLoaders(services: Services, viewer: Viewer) {
  const requirementLinks = (includeArchived: boolean) =>
    new DataLoader<number, PathwayRequirement[]>(async (ids) =>
      groupByKey(ids, await services.pathways.requirementLinks(ids, includeArchived), (l) => l.pathwayId),
    );
  const pathwayRequirements = requirementLinks(true);
  return {
    /** A program's pathway: null for anonymous readers when the pathway is archived. */
    pathwayById: new DataLoader<number, Pathway | null>(async (ids) =>
      byKey(ids, await services.pathways.byIds(ids, viewer.includeDrafts), (p) => p.id),
    ),
    /** Every link, archived catalogue entries included: for logic that reads them (eligibility). */
    pathwayRequirements,
    /** For output: without archived catalogue entries for anonymous readers. */
    pathwayRequirementsShown: viewer.includeDrafts ? pathwayRequirements : requirementLinks(false),
  };
}
