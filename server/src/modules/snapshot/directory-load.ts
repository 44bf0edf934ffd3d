/**
 * The whole directory as snapshot records, read through an EntityManager so that an import sees
 * (and later checks) the database inside its own transaction. Import holds the file in memory
 * anyway, so this reads everything at once; exports stream instead (directory-records.ts).
 */
import type { EntityManager } from "typeorm";
import { Institution } from "../institution/institution.entity";
import { PathwayRequirement } from "../pathway/pathway-requirement.entity";
import { Pathway } from "../pathway/pathway.entity";
import { ProgramRequirement } from "../program/program-requirement.entity";
import { ProgramSpecialty } from "../program/program-specialty.entity";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { canonicalRecord } from "./canonical-hash";
import type { DirectoryContent } from "./diff";
import { FILE_ORDER, KEY, scalarFields, type EntityName, type SnapshotRecord } from "./snapshot.format";
import type { EntityClass } from "../../core/data-source";

export const ENTITY_CLASSES: Record<EntityName, EntityClass> = {
  institutions: Institution,
  programs: Program,
  requirements: Requirement,
  specialties: Specialty,
  pathways: Pathway,
};

export interface LoadedDirectory {
  content: DirectoryContent;
  /** Database id of each record by slug/code. */
  ids: Record<EntityName, Map<string, number>>;
  /** Who verified each program, by slug: snapshots do not carry curators. */
  verifiedBy: Map<string, number | null>;
}

function scalars(entity: EntityName, row: object): SnapshotRecord {
  const out: SnapshotRecord = {};
  for (const f of scalarFields(entity)) out[f] = (row as Record<string, unknown>)[f] ?? null;
  return out;
}

export async function loadDirectory(m: EntityManager): Promise<LoadedDirectory> {
  // One after another: inside a transaction they share one connection.
  const institutions = await m.find(Institution);
  const programs = await m.find(Program);
  const requirements = await m.find(Requirement);
  const specialties = await m.find(Specialty);
  const pathways = await m.find(Pathway);
  const programSpecialties = await m.find(ProgramSpecialty);
  const programLinks = await m.find(ProgramRequirement);
  const pathwayLinks = await m.find(PathwayRequirement);
  const rows: Record<EntityName, { id: number }[]> = { institutions, programs, requirements, specialties, pathways };
  const ids = Object.fromEntries(
    FILE_ORDER.map((e) => [e, new Map(rows[e].map((r) => [(r as unknown as Record<string, string>)[KEY[e]], r.id]))]),
  ) as Record<EntityName, Map<string, number>>;
  const keyById = (e: EntityName) => new Map([...ids[e]].map(([k, id]) => [id, k]));
  const institutionSlug = keyById("institutions");
  const pathwaySlug = keyById("pathways");
  const specialtySlug = keyById("specialties");
  const requirementCode = keyById("requirements");

  const group = <T extends object>(list: T[], owner: (x: T) => number) => {
    const map = new Map<number, T[]>();
    for (const x of list) {
      const found = map.get(owner(x));
      if (found) found.push(x);
      else map.set(owner(x), [x]);
    }
    return map;
  };
  const specialtiesOf = group(programSpecialties, (x) => x.programId);
  const linksOf = group(programLinks, (x) => x.programId);
  const pathwayLinksOf = group(pathwayLinks, (x) => x.pathwayId);

  const content: DirectoryContent = {
    institutions: institutions.map((r) => canonicalRecord("institutions", scalars("institutions", r))),
    requirements: requirements.map((r) => canonicalRecord("requirements", scalars("requirements", r))),
    specialties: specialties.map((r) => canonicalRecord("specialties", scalars("specialties", r))),
    pathways: pathways.map((p) =>
      canonicalRecord("pathways", {
        ...scalars("pathways", p),
        requirements: (pathwayLinksOf.get(p.id) ?? []).map((l) => ({ code: requirementCode.get(l.requirementId), level: l.level, note: l.note })),
      }),
    ),
    programs: programs.map((p) =>
      canonicalRecord("programs", {
        ...scalars("programs", p),
        institution: p.institutionId === null ? null : institutionSlug.get(p.institutionId),
        pathway: p.pathwayId === null ? null : pathwaySlug.get(p.pathwayId),
        specialties: (specialtiesOf.get(p.id) ?? []).map((s) => specialtySlug.get(s.specialtyId)),
        requirements: (linksOf.get(p.id) ?? []).map((l) => ({
          code: requirementCode.get(l.requirementId),
          level: l.level,
          minimumScore: l.minimumScore,
          note: l.note,
        })),
      }),
    ),
  };
  return { content, ids, verifiedBy: new Map(programs.map((p) => [p.slug, p.verifiedById])) };
}
