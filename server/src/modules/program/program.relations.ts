import type { Institution } from "../institution/institution.entity";
import type { Specialty } from "../specialty/specialty.entity";
import type { ProgramRequirement } from "./program-requirement.entity";
import type { Program } from "./program.entity";

/**
 * Relations read in the same statement as a program's row (program.detail.ts: JSON subqueries
 * of the page or detail statement), kept beside the row for its field resolvers. A resolver that
 * finds its relation here answers it as a plain value: no loader, no promise per program (three
 * per program on a page of 50). The rows were read for the operation's selection of that
 * field (its aliases merged), so they carry every column the resolver's selection needs.
 *
 * Kept on the row object itself, which is read for one request: the relations go with it.
 */
export interface ProgramRelationsRead {
  /** Undefined when not read; null when the program has none the viewer may see. */
  institution?: Institution | null;
  specialties?: Specialty[];
  requirements?: ProgramRequirement[];
}

/**
 * Kept on the row under a symbol, which `Object.keys`, JSON and structured clones skip. (A WeakMap
 * entry per row cost about 1% of a page's CPU, in its own insertions and the collector's work.)
 */
const RELATIONS_READ = Symbol("relations read with the row");

type WithRelations = Program & { [RELATIONS_READ]?: ProgramRelationsRead };

export function keepRelationsRead(program: Program, relations: ProgramRelationsRead): void {
  (program as WithRelations)[RELATIONS_READ] = relations;
}

/** The relations read with this row, if it was read with any. */
export function relationsRead(program: Program): ProgramRelationsRead | undefined {
  return (program as WithRelations)[RELATIONS_READ];
}
