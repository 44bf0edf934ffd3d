import type { ObjectLiteral, Repository } from "typeorm";
import { getManyFast } from "./rows";

/** A record's id and the words people know it by (an institution's name, a program's title and institution). */
export interface RecordName {
  id: number;
  name: string;
}

/** Names of records by id in one statement, archived records included; an id with no row is left out. */
export type NamesByIds = (ids: readonly number[]) => Promise<RecordName[]>;

/** Reads only `id` and the columns a name is made of, from the rows with these ids (none: no statement). */
export async function namesByIds<T extends ObjectLiteral>(
  repo: Repository<T>,
  ids: readonly number[],
  columns: readonly (keyof T & string)[],
  nameOf: (row: T) => string,
): Promise<RecordName[]> {
  if (ids.length === 0) return [];
  const qb = repo
    .createQueryBuilder("r")
    .select(["r.id", ...columns.map((c) => `r.${c}`)])
    .where("r.id IN (:...ids)", { ids: [...ids] });
  return (await getManyFast(qb)).map((row) => ({ id: Number(row.id), name: nameOf(row) }));
}
