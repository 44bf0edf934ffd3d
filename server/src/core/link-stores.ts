import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { Json, RelationStore } from "./versioned-write";

type Row = Record<string, Json>;

/**
 * A list of link rows owned by one record and keyed by another id (a program's requirements:
 * programId → requirementId with level, score, note). Saving changes rows in place, so links
 * that stay keep their ids; the JSON form is sorted by the key.
 */
export function linkListStore<E extends ObjectLiteral>(
  entity: EntityTarget<E>,
  owner: keyof E & string,
  key: keyof E & string,
  fields: readonly (keyof E & string)[],
): RelationStore {
  const shape = (r: E): Row => {
    const out: Row = { [key]: Number(r[key]) };
    for (const f of fields) out[f] = (r[f] ?? null) as Json;
    return out;
  };
  const load = async (m: EntityManager, id: number): Promise<Row[]> => {
    const rows = await m.find(entity, { where: { [owner]: id } as never, order: { [key]: "ASC" } as never });
    return rows.map(shape);
  };
  return {
    load,
    async save(m, id, value) {
      const wanted = (value as Row[]) ?? [];
      const existing = new Map((await load(m, id)).map((r) => [r[key], r]));
      const keep = new Set(wanted.map((w) => w[key]));
      const removed = [...existing.keys()].filter((k) => !keep.has(k));
      if (removed.length) {
        await m
          .createQueryBuilder()
          .delete()
          .from(entity)
          .where(`"${owner}" = :id`, { id })
          .andWhere(`"${key}" IN (:...removed)`, { removed })
          .execute();
      }
      for (const w of wanted) {
        const values: Row = {};
        for (const f of fields) values[f] = w[f] ?? null;
        const old = existing.get(w[key]);
        if (!old) await m.insert(entity, { [owner]: id, [key]: w[key], ...values } as never);
        else if (JSON.stringify(old) !== JSON.stringify({ [key]: w[key], ...values })) {
          await m.update(entity, { [owner]: id, [key]: w[key] } as never, values as never);
        }
      }
    },
  };
}

/** A set of ids linked to one record through a join table (a program's specialties), as a sorted list. */
export function idListStore<E extends ObjectLiteral>(
  entity: EntityTarget<E>,
  owner: keyof E & string,
  key: keyof E & string,
): RelationStore {
  const load = async (m: EntityManager, id: number): Promise<number[]> => {
    const rows = await m.find(entity, { where: { [owner]: id } as never, order: { [key]: "ASC" } as never });
    return rows.map((r) => Number(r[key]));
  };
  return {
    load,
    async save(m, id, value) {
      const wanted = new Set((value as number[]) ?? []);
      const existing = new Set(await load(m, id));
      const removed = [...existing].filter((k) => !wanted.has(k));
      if (removed.length) {
        await m
          .createQueryBuilder()
          .delete()
          .from(entity)
          .where(`"${owner}" = :id`, { id })
          .andWhere(`"${key}" IN (:...removed)`, { removed })
          .execute();
      }
      for (const k of wanted) if (!existing.has(k)) await m.insert(entity, { [owner]: id, [key]: k } as never);
    },
  };
}
