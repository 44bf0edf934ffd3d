import type { EntityManager } from "typeorm";
import { EntityWrites, type ArchiveRule } from "../../core/entity-writes";
import { ListingStatus } from "../../core/enums";
import { LISTING_RULE_FIELDS, listingRuleBreaches } from "../../core/listing-rules";
import { BadUserInputError } from "../../core/errors";
import { dayOfLegacyInstant } from "../../core/local-date";
import { requiredOnCreate } from "../../core/input-rules";
import { missingSourceBreach, VERIFICATION_COLUMNS } from "../../core/provenance";
import { idListStore, linkListStore } from "../../core/link-stores";
import { existingIds, given, merged, pick, Problems } from "../../core/problems";
import { checkedTranslation, translationStamps } from "../../core/translation";
import type { Change, State, WriteModel } from "../../core/versioned-write";
import { AuditAction } from "../audit/audit-entry.entity";
import { Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { checkRequirementLinks } from "../requirement/requirement-links";
import { Specialty } from "../specialty/specialty.entity";
import { ProgramRequirement } from "./program-requirement.entity";
import { ProgramSpecialty } from "./program-specialty.entity";
import { Program } from "./program.entity";
import { institutionCountryBreach, programFieldBreaches, type ProgramFieldValues } from "./program.rules";
import { ProgramInput } from "./program.input";

/** Input fields copied to columns as they are (the two ids are checked and converted). */
const PLAIN = [
  "slug",
  "title",
  "description",
  "type",
  "audience",
  "status",
  "country",
  "region",
  "durationMonths",
  "handsOnPatientCare",
  "positions",
  "imgPositions",
  "visaSponsorship",
  "applicationOpensOn",
  "applicationClosesOn",
  "applicationFeeCents",
  "feeCurrency",
  "websiteUrl",
  "applicationUrl",
  "sourceUrl",
  "sourceNote",
  "titleFr",
  "descriptionFr",
  ...LISTING_RULE_FIELDS,
] as const;

/** The deprecated instant inputs and the days that replace them. */
const LEGACY_DATES = [
  ["applicationOpensAt", "applicationOpensOn"],
  ["applicationClosesAt", "applicationClosesOn"],
] as const;

/**
 * The input with a deprecated instant (applicationOpensAt…) turned into the day it stood for, by
 * the rule the migration used (core/local-date.ts), so that clients of the old API keep working
 * for a release. Sending both forms of one field is refused: which one would win is not obvious.
 */
function withLegacyDates(input: ProgramInput, problems: Problems): ProgramInput {
  if (!LEGACY_DATES.some(([old]) => given(input, old))) return input;
  const out = Object.assign(new ProgramInput(), input);
  for (const [old, day] of LEGACY_DATES) {
    if (!given(input, old)) continue;
    if (given(input, day)) problems.add(["input", old], `send ${day} (a day) or ${old}, not both`);
    const instant = input[old];
    out[day] = instant ? dayOfLegacyInstant(instant) : null;
    delete out[old];
  }
  return out;
}

/** The field a client sent for `field`: the deprecated instant when it sent that instead of the day. */
function fieldSent(input: ProgramInput, field: string): string {
  const legacy = LEGACY_DATES.find(([old, day]) => day === field && given(input, old));
  return legacy ? legacy[0] : field;
}

/** Archiving a program is a status: ARCHIVED; restoring makes it a DRAFT to be published again. */
const statusArchive: ArchiveRule<Program> = {
  isArchived: (p) => p.status === ListingStatus.ARCHIVED,
  archive: () => ({ status: ListingStatus.ARCHIVED }),
  restore: () => ({ status: ListingStatus.DRAFT }),
};

export class ProgramWrites extends EntityWrites<Program, ProgramInput> {
  readonly model: WriteModel<Program> = {
    typeName: "Program",
    audit: this.audit,
    entity: Program,
    stamp: translationStamps<Program>([
      { source: "title", translation: "titleFr" },
      { source: "description", translation: "descriptionFr" },
    ]),
    columns: [...PLAIN, "institutionId", "pathwayId", ...VERIFICATION_COLUMNS],
    unique: ["slug"],
    relations: {
      specialtyIds: idListStore(ProgramSpecialty, "programId", "specialtyId"),
      requirements: linkListStore(ProgramRequirement, "programId", "requirementId", ["level", "minimumScore", "note"]),
    },
    references: {
      institutionId: { entityType: "Institution" },
      pathwayId: { entityType: "Pathway" },
      verifiedById: { entityType: "Curator" },
      specialtyIds: { entityType: "Specialty" },
      requirements: { entityType: "Requirement", key: "requirementId" },
    },
    // Identifiers, publication state and the curator's own note are not facts a verification checked.
    provenance: { notFacts: ["slug", "status", "sourceNote"] },
  };
  protected readonly archiveRule = statusArchive;
  protected readonly required = requiredOnCreate(ProgramInput);

  publish(actorId: number | null, id: number, version: number): Promise<Program> {
    return this.transition(actorId, id, version, AuditAction.PUBLISH, ({ row }) => {
      if (row.status === ListingStatus.PUBLISHED)
        throw BadUserInputError.field(["id"], `Program ${id} is already published`);
      if (row.status === ListingStatus.ARCHIVED)
        throw BadUserInputError.field(["id"], `Program ${id} is archived; restore it first`);
      const noSource = missingSourceBreach(row, `Program ${id}`);
      if (noSource) throw BadUserInputError.field([noSource.field], noSource.message, noSource.rule);
      return { values: { status: ListingStatus.PUBLISHED } };
    });
  }

  unpublish(actorId: number | null, id: number, version: number): Promise<Program> {
    return this.transition(actorId, id, version, AuditAction.UNPUBLISH, ({ row }) => {
      if (row.status !== ListingStatus.PUBLISHED)
        throw BadUserInputError.field(["id"], `Program ${id} is not published (it is ${row.status})`);
      return { values: { status: ListingStatus.DRAFT } };
    });
  }

  protected async prepare(
    m: EntityManager,
    input: ProgramInput,
    current: State<Program> | null,
  ): Promise<Change<Program>> {
    const problems = new Problems();
    const sentInput = input;
    input = withLegacyDates(input, problems);
    const stored = current?.row ?? null;
    const values: Partial<Program> = { ...(pick(input, PLAIN) as Partial<Program>), ...checkedTranslation(input) };
    const change: Change<Program> = { values, relations: {} };

    let institution: Institution | null = null;
    if (given(input, "institutionId")) {
      values.institutionId = input.institutionId ? Number(input.institutionId) : null;
      if (values.institutionId !== null) {
        institution = await m.findOne(Institution, { where: { id: values.institutionId } });
        if (!institution) problems.add(["input", "institutionId"], `there is no institution ${input.institutionId}`);
      }
    } else if (stored?.institutionId) {
      institution = await m.findOne(Institution, { where: { id: stored.institutionId } });
    }
    if (!current && institution) {
      // A new program at an institution takes its place from the institution unless told otherwise.
      if (!given(input, "country")) values.country = institution.country;
      if (!given(input, "region")) values.region = institution.region;
    }
    const country = values.country ?? stored?.country ?? null;
    if (!country) problems.add(["input", "country"], "country is required (or give an institutionId to take it from)");
    else if (institution) {
      const breach = institutionCountryBreach(
        institution,
        country,
        given(input, "country") ? "country" : "institutionId",
      );
      if (breach) problems.addBreaches(["input"], [breach]);
    }

    if (given(input, "pathwayId")) {
      values.pathwayId = input.pathwayId ? Number(input.pathwayId) : null;
      if (values.pathwayId !== null && !(await m.findOne(Pathway, { where: { id: values.pathwayId } }))) {
        problems.add(["input", "pathwayId"], `there is no pathway ${input.pathwayId}`);
      }
    }

    // Cross-field rules hold for the record as it will be: sent values over stored ones.
    const asWillBe: ProgramFieldValues = {
      positions: merged(input, stored, "positions"),
      imgPositions: merged(input, stored, "imgPositions"),
      applicationOpensOn: merged(input, stored, "applicationOpensOn"),
      applicationClosesOn: merged(input, stored, "applicationClosesOn"),
      applicationFeeCents: merged(input, stored, "applicationFeeCents"),
      feeCurrency: merged(input, stored, "feeCurrency"),
      status: merged(input, stored, "status"),
      sourceUrl: merged(input, stored, "sourceUrl"),
      sourceNote: merged(input, stored, "sourceNote"),
    };
    problems.addBreaches(
      ["input"],
      programFieldBreaches(asWillBe, (f) => given(input, f)).map((b) => ({
        ...b,
        field: fieldSent(sentInput, b.field),
      })),
    );
    // The deprecated flag and the list say the same thing: a write that sends one keeps the other in step.
    if (given(input, "visaSponsorship") && !given(input, "visaTypesSponsored")) {
      if (input.visaSponsorship === false) values.visaTypesSponsored = [];
      else if (stored?.visaTypesSponsored?.length === 0) values.visaTypesSponsored = null;
    }
    if (given(input, "visaTypesSponsored") && !given(input, "visaSponsorship") && input.visaTypesSponsored != null)
      values.visaSponsorship = input.visaTypesSponsored.length > 0;
    problems.addBreaches(
      ["input"],
      listingRuleBreaches(
        {
          visaTypesSponsored:
            values.visaTypesSponsored !== undefined ? values.visaTypesSponsored : (stored?.visaTypesSponsored ?? null),
          minimumClinicalExperienceMonths: merged(input, stored, "minimumClinicalExperienceMonths"),
          clinicalExperienceInCountry: merged(input, stored, "clinicalExperienceInCountry"),
          maxYearsSinceGraduation: merged(input, stored, "maxYearsSinceGraduation"),
          graduatesOfAnyYear: merged(input, stored, "graduatesOfAnyYear"),
        },
        values.visaSponsorship !== undefined ? values.visaSponsorship : (stored?.visaSponsorship ?? null),
        (f) => given(input, f as keyof ProgramInput & string),
      ),
    );

    if (given(input, "specialtyIds")) {
      const ids = (input.specialtyIds ?? []).map(Number);
      const found = await existingIds(m, Specialty, ids);
      const seen = new Set<number>();
      ids.forEach((id, i) => {
        if (!found.has(id)) problems.add(["input", "specialtyIds", i], `there is no specialty ${id}`);
        else if (seen.has(id)) problems.add(["input", "specialtyIds", i], `specialty ${id} is listed more than once`);
        seen.add(id);
      });
      change.relations!.specialtyIds = [...seen].sort((a, b) => a - b);
    }
    if (given(input, "requirements")) {
      const links = input.requirements ?? [];
      await checkRequirementLinks(m, links, problems);
      change.relations!.requirements = links
        .map((l) => ({
          requirementId: Number(l.requirementId),
          level: l.level,
          minimumScore: l.minimumScore ?? null,
          note: l.note ?? null,
        }))
        .sort((a, b) => a.requirementId - b.requirementId);
    }
    problems.throwIfAny();
    return change;
  }
}
