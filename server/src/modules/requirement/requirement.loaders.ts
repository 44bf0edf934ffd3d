import DataLoader from "dataloader";
import { byKey, groupByKey } from "../../core/batch";
import type { Services } from "../../core/context";
import type { Requirement } from "./requirement.entity";

export function createRequirementLoaders(services: Services) {
  return {
    requirementById: new DataLoader<number, Requirement | null>(async (ids) =>
      byKey(ids, await services.requirements.byIds(ids), (r) => r.id),
    ),
    /** Ids each requirement implies directly, for the `implies` field. */
    impliedIds: new DataLoader<number, number[]>(async (ids) =>
      groupByKey(ids, await services.requirements.impliedBy(ids), (i) => i.requirementId).map((list) =>
        list.map((i) => i.impliedId),
      ),
    ),
  };
}
