import type { DataSource, DeepPartial } from "typeorm";
import { CitizenshipRule, Country, ListingStatus, RequirementLevel, VisaType } from "../../server/src/core/enums";
import { Curator, CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { hashPassword } from "../../server/src/modules/curator/password";
import { Institution, InstitutionKind } from "../../server/src/modules/institution/institution.entity";
import { Pathway, PathwayKind } from "../../server/src/modules/pathway/pathway.entity";
import { PathwayRequirement } from "../../server/src/modules/pathway/pathway-requirement.entity";
import { ProgramRequirement } from "../../server/src/modules/program/program-requirement.entity";
import { ProgramSpecialty } from "../../server/src/modules/program/program-specialty.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { Audience, ProgramType } from "../../server/src/modules/program/program.enums";
import { Requirement, RequirementKind } from "../../server/src/modules/requirement/requirement.entity";
import { ScoreKind } from "../../server/src/modules/requirement/score-kind";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";

let seq = 0;
const next = () => ++seq;

/** The password every factory-made curator has unless a test gives another. */
export const TEST_PASSWORD = "correct horse battery staple";
const hashes = new Map<string, Promise<string>>();
// scrypt is deliberately slow: hash each distinct test password once per test file.
const hashOf = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

/**
 * Listing rules stated so that they exclude no one (any visa, any citizenship, graduates of any
 * year, no clinical experience asked): a synthetic listing with these is decided on its
 * requirements alone, where one leaving rules null is UNKNOWN for everybody.
 */
export const RULES_EXCLUDING_NO_ONE = {
  visaTypesSponsored: [VisaType.J1, VisaType.H1B, VisaType.CA_WORK_PERMIT, VisaType.OTHER],
  visaSponsorship: true,
  citizenshipRequired: CitizenshipRule.NONE,
  graduatesOfAnyYear: true,
  minimumClinicalExperienceMonths: 0,
};

/** Test data builders: each returns a saved row, with defaults a test can override. */
export function factories(ds: DataSource) {
  return {
    curator: async (o: Partial<Omit<Curator, "passwordHash">> & { password?: string } = {}) => {
      const n = next();
      const { password = TEST_PASSWORD, ...rest } = o;
      return ds.getRepository(Curator).save({
        email: `curator-${n}@example.org`,
        name: `Test Curator ${n}`,
        role: CuratorRole.EDITOR,
        active: true,
        lastLoginAt: null,
        ...rest,
        passwordHash: await hashOf(password),
      });
    },
    institution: (o: DeepPartial<Institution> = {}) => {
      const n = next();
      return ds.getRepository(Institution).save({
        slug: `test-institution-${n}`,
        name: `Test Institution ${n}`,
        kind: InstitutionKind.HOSPITAL,
        country: Country.US,
        region: "NY",
        city: "Albany",
        ...o,
      });
    },
    specialty: (o: DeepPartial<Specialty> = {}) => {
      const n = next();
      return ds.getRepository(Specialty).save({ slug: `specialty-${n}`, name: `Specialty ${n}`, ...o });
    },
    /** An exam (SCORED, as the ScoreKinds migration makes exams) unless the test says otherwise. */
    requirement: (o: DeepPartial<Requirement> = {}) => {
      const n = next();
      const kind = o.kind ?? RequirementKind.EXAM;
      const scored = kind === RequirementKind.EXAM || kind === RequirementKind.LANGUAGE;
      return ds.getRepository(Requirement).save({
        code: `TEST_REQ_${n}`,
        name: `Test requirement ${n}`,
        kind,
        scoreKind: scored ? ScoreKind.SCORED : ScoreKind.NONE,
        ...o,
      });
    },
    pathway: async (
      o: DeepPartial<Pathway> = {},
      requirements: { requirement: Requirement; level?: RequirementLevel }[] = [],
    ) => {
      const n = next();
      const pathway = await ds
        .getRepository(Pathway)
        .save({ slug: `pathway-${n}`, name: `Pathway ${n}`, kind: PathwayKind.DIRECT, ...o });
      for (const r of requirements) {
        await ds.getRepository(PathwayRequirement).save({
          pathwayId: pathway.id,
          requirementId: r.requirement.id,
          level: r.level ?? RequirementLevel.REQUIRED,
        });
      }
      return pathway;
    },
    program: async (
      o: DeepPartial<Program> = {},
      rel: {
        specialties?: Specialty[];
        requirements?: { requirement: Requirement; level?: RequirementLevel; minimumScore?: number }[];
      } = {},
    ) => {
      const n = next();
      const program = await ds.getRepository(Program).save({
        slug: `test-program-${n}`,
        title: `Test program ${String(n).padStart(4, "0")}`,
        type: ProgramType.FELLOWSHIP,
        audience: Audience.GRADUATE,
        status: ListingStatus.PUBLISHED,
        country: Country.US,
        // A published listing needs a source (a URL or a note) before the API publishes it again.
        sourceNote: "Synthetic test listing",
        ...o,
      });
      for (const s of rel.specialties ?? [])
        await ds.getRepository(ProgramSpecialty).insert({ programId: program.id, specialtyId: s.id });
      for (const r of rel.requirements ?? []) {
        await ds.getRepository(ProgramRequirement).insert({
          programId: program.id,
          requirementId: r.requirement.id,
          level: r.level ?? RequirementLevel.REQUIRED,
          minimumScore: r.minimumScore ?? null,
        });
      }
      return program;
    },
  };
}
