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
 * Keyed by the row object itself, which is read for one request: the entry goes with it.
 */
export interface ProgramRelationsRead {
  /** Undefined when not read; null when the program has none the viewer may see. */
  institution?: Institution | null;
  specialties?: Specialty[];
  requirements?: ProgramRequirement[];
}

const read = new WeakMap<Program, ProgramRelationsRead>();

export function keepRelationsRead(program: Program, relations: ProgramRelationsRead): void {
  read.set(program, relations);
}

/** The relations read with this row, if it was read with any. */
export function relationsRead(program: Program): ProgramRelationsRead | undefined {
  return read.get(program);
}
