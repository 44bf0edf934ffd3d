import DataLoader from "dataloader";
import type { Services } from "../../core/context";

/** The loader's key for one record: `Program:6`. */
export const recordKey = (entityType: string, id: number): string => `${entityType}:${id}`;

export function createAuditLoaders(services: Services) {
  return {
    /**
     * A record's name now, or null when it is gone: every entry of a page and every id in their
     * changes in one batch, one statement per record type.
     */
    recordName: new DataLoader<string, string | null>(async (keys) => {
      const idsByType = new Map<string, number[]>();
      for (const key of keys) {
        const [type, id] = key.split(":");
        idsByType.set(type, [...(idsByType.get(type) ?? []), Number(id)]);
      }
      const names = new Map<string, string>();
      await Promise.all(
        [...idsByType].map(async ([type, ids]) => {
          for (const r of await services.auditNames.names(type, ids)) names.set(recordKey(type, r.id), r.name);
        }),
      );
      return keys.map((k) => names.get(k) ?? null);
    }),
  };
}
