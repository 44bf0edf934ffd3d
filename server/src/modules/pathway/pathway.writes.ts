import type { EntityManager } from "typeorm";
import { archivedAtRule, EntityWrites } from "../../core/entity-writes";
import { requiredOnCreate } from "../../core/input-rules";
import { VERIFICATION_COLUMNS } from "../../core/provenance";
import { LISTING_RULE_FIELDS, listingRuleBreaches } from "../../core/listing-rules";
import { linkListStore } from "../../core/link-stores";
import { given, merged, pick, Problems } from "../../core/problems";
import { checkedTranslation, translationStamps } from "../../core/translation";
import type { Change, State, WriteModel } from "../../core/versioned-write";
import { checkRequirementLinks } from "../requirement/requirement-links";
import { PathwayRequirement } from "./pathway-requirement.entity";
import { Pathway } from "./pathway.entity";
import { PathwayInput } from "./pathway.input";
import { pathwayFieldBreaches } from "./pathway.rules";

const EDITABLE = [
  "slug",
  "name",
  "kind",
  "country",
  "region",
  "description",
  "website",
  "sourceUrl",
  "sourceNote",
  "nameFr",
  "descriptionFr",
  ...LISTING_RULE_FIELDS,
] as const;

export class PathwayWrites extends EntityWrites<Pathway, PathwayInput> {
  readonly model: WriteModel<Pathway> = {
    typeName: "Pathway",
    audit: this.audit,
    entity: Pathway,
    stamp: translationStamps<Pathway>([
      { source: "name", translation: "nameFr" },
      { source: "description", translation: "descriptionFr" },
    ]),
    columns: [...EDITABLE, ...VERIFICATION_COLUMNS, "archivedAt"],
    unique: ["slug"],
    provenance: { notFacts: ["slug", "sourceNote"] },
    relations: { requirements: linkListStore(PathwayRequirement, "pathwayId", "requirementId", ["level", "note"]) },
    references: {
      verifiedById: { entityType: "Curator" },
      requirements: { entityType: "Requirement", key: "requirementId" },
    },
  };
  protected readonly archiveRule = archivedAtRule<Pathway>();
  protected readonly required = requiredOnCreate(PathwayInput);

  protected async prepare(
    m: EntityManager,
    input: PathwayInput,
    current: State<Pathway> | null,
  ): Promise<Change<Pathway>> {
    const problems = new Problems();
    const place = {
      region: merged(input, current?.row ?? null, "region"),
      country: merged(input, current?.row ?? null, "country"),
    };
    problems.addBreaches(
      ["input"],
      pathwayFieldBreaches(place, (f) => given(input, f)),
    );
    problems.addBreaches(
      ["input"],
      listingRuleBreaches(
        {
          visaTypesSponsored: merged(input, current?.row ?? null, "visaTypesSponsored"),
          minimumClinicalExperienceMonths: merged(input, current?.row ?? null, "minimumClinicalExperienceMonths"),
          clinicalExperienceInCountry: merged(input, current?.row ?? null, "clinicalExperienceInCountry"),
          maxYearsSinceGraduation: merged(input, current?.row ?? null, "maxYearsSinceGraduation"),
          graduatesOfAnyYear: merged(input, current?.row ?? null, "graduatesOfAnyYear"),
        },
        null,
        (f) => given(input, f as keyof PathwayInput & string),
      ),
    );
    const change: Change<Pathway> = {
      values: { ...(pick(input, EDITABLE) as Partial<Pathway>), ...checkedTranslation(input) },
    };
    if (given(input, "requirements")) {
      const links = input.requirements ?? [];
      await checkRequirementLinks(m, links, problems);
      change.relations = {
        requirements: links.map((l) => ({
          requirementId: Number(l.requirementId),
          level: l.level,
          note: l.note ?? null,
        })),
      };
    }
    problems.throwIfAny();
    return change;
  }
}
