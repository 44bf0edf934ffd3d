import DataLoader from "dataloader";
import { byKey, groupByKey } from "../../core/batch";
import type { Services } from "../../core/context";
import type { PathwayRequirement } from "./pathway-requirement.entity";
import type { Pathway } from "./pathway.entity";

export function createPathwayLoaders(services: Services) {
  return {
    pathwayById: new DataLoader<number, Pathway | null>(async (ids) =>
      byKey(ids, await services.pathways.byIds(ids), (p) => p.id),
    ),
    pathwayRequirements: new DataLoader<number, PathwayRequirement[]>(async (ids) =>
      groupByKey(ids, await services.pathways.requirementLinks(ids), (l) => l.pathwayId),
    ),
  };
}
