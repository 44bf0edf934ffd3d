import { mapInSlices } from "../../core/event-loop";
import type { ListingRules } from "../../core/listing-rules";
import type { PathwayService } from "../pathway/pathway.service";
import type { ProgramFilter } from "../program/program.filter-input";
import type { ProgramService } from "../program/program.service";
import type { RequirementService } from "../requirement/requirement.service";
import type {
  Catalogue,
  EligibilityRecordSource,
  PathwayRuleRecord,
  ProgramRuleRecord,
  RuleLink,
} from "./eligibility.records";

function rulesOf(row: ListingRules): ListingRules {
  return {
    visaTypesSponsored: row.visaTypesSponsored ?? null,
    maxYearsSinceGraduation: row.maxYearsSinceGraduation ?? null,
    graduatesOfAnyYear: row.graduatesOfAnyYear ?? null,
    citizenshipRequired: row.citizenshipRequired ?? null,
    minimumClinicalExperienceMonths: row.minimumClinicalExperienceMonths ?? null,
    clinicalExperienceInCountry: row.clinicalExperienceInCountry ?? null,
    returnOfServiceNote: null, // shown with the program, never decided
  };
}

/**
 * Links in a stated order, so that reasons and missing lists come out the same on every read and
 * database (PostgreSQL returns a program's links in no fixed order). Sorted here rather than in SQL:
 * one more sort key made SQLite sort every link row of a large directory instead of reading in title order.
 */
function byRequirement(a: RuleLink, b: RuleLink): number {
  return a.requirementId - b.requirementId;
}

/** The records read from the database through the services: four statements for any number of programs. */
export class DatabaseRecordSource implements EligibilityRecordSource {
  constructor(
    private readonly programService: ProgramService,
    private readonly pathwayService: PathwayService,
    private readonly requirements: RequirementService,
  ) {}

  async catalogue(): Promise<Catalogue> {
    const [entries, implications] = await Promise.all([this.requirements.all(), this.requirements.implications()]);
    const implies = new Map<number, number[]>();
    for (const i of implications) implies.set(i.requirementId, [...(implies.get(i.requirementId) ?? []), i.impliedId]);
    return {
      entries: new Map(
        entries.map((r) => [
          r.id,
          {
            id: r.id,
            code: r.code,
            name: r.name,
            kind: r.kind,
            heldWhen: r.heldWhen ?? null,
            scoreKind: r.scoreKind,
            scoreMin: r.scoreMin,
            scoreMax: r.scoreMax,
            scoreStep: r.scoreStep,
          },
        ]),
      ),
      implies,
      entities: new Map(entries.map((r) => [r.id, r])),
    };
  }

  async programs(filter: ProgramFilter | null | undefined, includeDrafts: boolean): Promise<ProgramRuleRecord[]> {
    return mapInSlices(await this.programService.ruleRows(filter, includeDrafts), ({ program: p, links }) => ({
      id: p.id,
      audience: p.audience,
      country: p.country,
      pathwayId: p.pathwayId ?? null,
      visaSponsorship: p.visaSponsorship ?? null,
      rules: rulesOf(p),
      links: links
        .map((l) => ({ requirementId: l.requirementId, level: l.level, minimumScore: l.minimumScore ?? null }))
        .sort(byRequirement),
    }));
  }

  async pathways(ids: readonly number[]): Promise<PathwayRuleRecord[]> {
    return (await this.pathwayService.withLinks(ids)).map(({ pathway, links }) => ({
      id: pathway.id,
      rules: rulesOf(pathway),
      links: links
        .map((l) => ({ requirementId: l.requirementId, level: l.level, minimumScore: null }))
        .sort(byRequirement),
    }));
  }
}
