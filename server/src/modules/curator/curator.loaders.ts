import DataLoader from "dataloader";
import { byKey } from "../../core/batch";
import type { Services } from "../../core/context";
import type { Curator } from "./curator.entity";

export function createCuratorLoaders(services: Services) {
  return {
    curatorById: new DataLoader<number, Curator | null>(async (ids) =>
      byKey(ids, await services.curators.byIds(ids), (c) => c.id),
    ),
  };
}
