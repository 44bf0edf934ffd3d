/**
 * The rules of "holding one requirement counts as holding another": implied codes exist, an
 * entry never implies itself, and no chain of implications comes back to where it started. The
 * API's writes and snapshot import share them.
 */
import type { EntityManager } from "typeorm";
import type { Problems } from "../../core/problems";
import { RequirementImplication } from "./requirement-implication.entity";
import { Requirement } from "./requirement.entity";

/** The first code of a cycle that `edges` would contain through `from`, or null. */
export function cycleThrough<K>(from: K, edges: Map<K, K[]>): K[] | null {
  const path: K[] = [];
  const seen = new Set<K>();
  const visit = (node: K): boolean => {
    if (node === from && path.length > 0) return true;
    if (seen.has(node)) return false;
    seen.add(node);
    path.push(node);
    for (const next of edges.get(node) ?? []) if (visit(next)) return true;
    path.pop();
    return false;
  };
  return visit(from) ? [...path, from] : null;
}

/** A cycle anywhere in `edges` (each node's implied nodes), as the path around it, or null. */
export function anyCycle<K>(edges: Map<K, K[]>): K[] | null {
  for (const node of edges.keys()) {
    const cycle = cycleThrough(node, edges);
    if (cycle) return cycle;
  }
  return null;
}

/** What the rules say, in the same words wherever they are broken. */
export const IMPLICATION_BREACH = {
  self: "a requirement cannot imply itself",
  repeated: (code: string) => `${code} is listed more than once`,
  cycle: (codes: string[]) => `implications must not form a cycle: ${codes.join(" → ")}`,
};

/**
 * Resolves `codes` to ids for requirement `selfId` (null on create), adding a problem under
 * input.impliesCodes for an unknown code, a repeated one, the entry itself, or a cycle.
 */
export async function impliedIds(
  m: EntityManager,
  codes: string[],
  selfId: number | null,
  problems: Problems,
): Promise<number[]> {
  const found = codes.length
    ? await m
        .createQueryBuilder(Requirement, "r")
        .select(["r.id", "r.code"])
        .where("r.code IN (:...codes)", { codes })
        .getMany()
    : [];
  const byCode = new Map(found.map((r) => [r.code, r.id]));
  const ids: number[] = [];
  codes.forEach((code, i) => {
    const id = byCode.get(code);
    if (id === undefined) problems.add(["input", "impliesCodes", i], `there is no requirement ${code}`);
    else if (id === selfId) problems.add(["input", "impliesCodes", i], IMPLICATION_BREACH.self);
    else if (ids.includes(id)) problems.add(["input", "impliesCodes", i], IMPLICATION_BREACH.repeated(code));
    else ids.push(id);
  });
  if (selfId !== null && ids.length && problems.empty) {
    const edges = new Map<number, number[]>();
    for (const e of await m.find(RequirementImplication))
      if (e.requirementId !== selfId) edges.set(e.requirementId, [...(edges.get(e.requirementId) ?? []), e.impliedId]);
    edges.set(selfId, ids);
    const cycle = cycleThrough(selfId, edges);
    if (cycle) {
      const codeOf = new Map(
        (await m.find(Requirement, { select: { id: true, code: true } })).map((r) => [r.id, r.code]),
      );
      problems.add(
        ["input", "impliesCodes"],
        IMPLICATION_BREACH.cycle(cycle.map((id) => codeOf.get(id) ?? String(id))),
      );
    }
  }
  return ids.sort((a, b) => a - b);
}
