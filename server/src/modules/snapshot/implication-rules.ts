/**
 * A file's requirement implications (`implies`) obey the API's rules (requirement-implications.ts):
 * each code is a requirement of the file, never the requirement itself, never listed twice, and no
 * chain of implications comes back to where it started. Only the file's records count: a file's
 * requirement implies only requirements the file holds, and an import makes each requirement's
 * implications the file's, so no cycle can run through the database's other entries.
 */
import { anyCycle, IMPLICATION_BREACH } from "../requirement/requirement-implications";
import { SnapshotError } from "./snapshot.errors";
import { KIND, type SnapshotRecord } from "./snapshot.format";

/** One stored requirement record and how messages name its place in the file. */
export interface PlacedRequirement {
  record: SnapshotRecord;
  where: () => string;
}

/** Refuses the first breach, naming record and field; `has` says whether the file holds a code. */
export function checkImplications(
  name: string,
  requirements: Iterable<PlacedRequirement>,
  has: (code: string) => boolean,
): void {
  const edges = new Map<string, string[]>();
  const places = new Map<string, () => string>();
  for (const { record, where } of requirements) {
    const implied = (record.implies as string[] | undefined) ?? [];
    if (!implied.length) continue;
    const code = String(record.code);
    const refuse = (i: number, why: string) => new SnapshotError(`${name}: ${where()} implies[${i}]: ${why}`);
    implied.forEach((c, i) => {
      if (!has(c))
        throw refuse(i, `refers to ${KIND.requirements} "${c}", which the file does not hold (a dangling reference)`);
      if (c === code) throw refuse(i, IMPLICATION_BREACH.self);
      if (implied.indexOf(c) !== i) throw refuse(i, IMPLICATION_BREACH.repeated(c));
    });
    edges.set(code, implied);
    places.set(code, where);
  }
  const cycle = anyCycle(edges);
  if (cycle) throw new SnapshotError(`${name}: ${places.get(cycle[0])!()} implies: ${IMPLICATION_BREACH.cycle(cycle)}`);
}
