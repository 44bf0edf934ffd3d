import type { RaRecord } from "react-admin";
import type {
  PathwayFieldsFragment,
  PathwayRequirementInput,
  ProgramFieldsFragment,
  ProgramListFieldsFragment,
  ProgramRequirementInput,
  RequirementFieldsFragment,
  RequirementLevel,
} from "../gql/graphql";
import type { Converter } from "./converters";
import { stripTypename } from "./resource";

/** A listing's visas as the form's menu holds them: [] when not said, ["NONE"] when it sponsors none. */
const visaChoices = (list: readonly string[] | null | undefined) => (list == null ? [] : list.length ? [...list] : ["NONE"]);

const idOf = (v: { id: string } | null | undefined) => (v?.id != null ? String(v.id) : null);

/** A program as the forms edit it: ids of its institution, pathway and specialties, its requirement rows. */
export function programRecord(node: ProgramListFieldsFragment | ProgramFieldsFragment): RaRecord {
  const p = stripTypename(node);
  const full = "requirements" in p ? p : undefined;
  return {
    ...p,
    id: String(p.id),
    institutionId: idOf(p.institution),
    pathwayId: idOf(p.pathway),
    specialtyIds: full?.specialties.map((s) => String(s.id)),
    visaTypesSponsored: full ? visaChoices(full.visaTypesSponsored) : undefined,
    requirements: full?.requirements.map((r) => ({
      requirementId: idOf(r.requirement),
      level: r.level,
      minimumScore: r.minimumScore ?? null,
      note: r.note ?? null,
      requirement: r.requirement,
    })),
  };
}

export function pathwayRecord(node: PathwayFieldsFragment): RaRecord {
  const p = stripTypename(node);
  return {
    ...p,
    id: String(p.id),
    visaTypesSponsored: visaChoices(p.visaTypesSponsored),
    requirements: p.requirements.map((r) => ({ requirementId: idOf(r.requirement), level: r.level, note: r.note ?? null, requirement: r.requirement })),
  };
}

interface RequirementRow {
  requirementId?: unknown;
  level?: RequirementLevel | null;
  minimumScore?: unknown;
  note?: unknown;
}
const rows = (list: unknown): RequirementRow[] =>
  (Array.isArray(list) ? (list as (RequirementRow | null)[]) : []).filter((r): r is RequirementRow => !!r && !!r.requirementId);

/** Program requirements travel as the whole list: `{ requirementId, level, minimumScore, note }`. */
export const programRequirements: Converter<ProgramRequirementInput[]> = (list) =>
  rows(list).map((r) => ({
    requirementId: String(r.requirementId),
    level: r.level ?? "REQUIRED",
    minimumScore: r.minimumScore === "" || r.minimumScore == null ? null : Number(r.minimumScore),
    note: r.note ? String(r.note) : null,
  }));

export const pathwayRequirements: Converter<PathwayRequirementInput[]> = (list) =>
  rows(list).map((r) => ({ requirementId: String(r.requirementId), level: r.level ?? "REQUIRED", note: r.note ? String(r.note) : null }));

/** A catalogue entry as its form edits it: the codes it implies. */
export function requirementRecord(node: RequirementFieldsFragment): RaRecord {
  const r = stripTypename(node);
  return { ...r, id: String(r.id), impliesCodes: r.implies.map((i) => i.code) };
}
