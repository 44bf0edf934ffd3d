import DataLoader from "dataloader";
import { byKey } from "../../core/batch";
import type { Services } from "../../core/context";
import type { Requirement } from "./requirement.entity";

export function createRequirementLoaders(services: Services) {
  return {
    requirementById: new DataLoader<number, Requirement | null>(async (ids) =>
      byKey(ids, await services.requirements.byIds(ids), (r) => r.id),
    ),
  };
}
