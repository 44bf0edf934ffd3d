/**
 * The eligibility rules a program or a pathway states as data (visas sponsored, years since
 * graduation, citizenship, clinical experience). Null means the source does not say: the
 * eligibility answer is then UNKNOWN for a candidate the rule could exclude, never ELIGIBLE.
 * Programs and pathways carry the same fields: one set of columns (`WithListingRuleColumns`), and
 * one input class and one check that serve the API, the admin (through the API) and snapshot import.
 */
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsInt, IsOptional, Max, Min, ValidateBy } from "class-validator";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import { CitizenshipRule, VisaType } from "./enums";
import { IsText } from "./input-rules";
import type { RuleBreach } from "./problems";

export interface ListingRules {
  visaTypesSponsored: VisaType[] | null;
  maxYearsSinceGraduation: number | null;
  graduatesOfAnyYear: boolean | null;
  citizenshipRequired: CitizenshipRule | null;
  minimumClinicalExperienceMonths: number | null;
  clinicalExperienceInCountry: boolean | null;
  returnOfServiceNote: string | null;
}

/** The rule columns, in the order writes, snapshots and the history list them. */
export const LISTING_RULE_FIELDS = [
  "visaTypesSponsored",
  "maxYearsSinceGraduation",
  "graduatesOfAnyYear",
  "citizenshipRequired",
  "minimumClinicalExperienceMonths",
  "clinicalExperienceInCountry",
  "returnOfServiceNote",
] as const satisfies readonly (keyof ListingRules)[];

export const RULE_DESCRIPTIONS = {
  visaTypesSponsored:
    "Visas the listing sponsors: null when the source does not say (eligibility answers UNKNOWN for a candidate who needs one); [] when it sponsors none",
  maxYearsSinceGraduation:
    "Graduates of at most this many years ago may apply; null when the source does not say (or, with graduatesOfAnyYear, sets no limit)",
  graduatesOfAnyYear:
    "True when the source says graduates of any year may apply (no limit); null or false when it does not say. Excludes maxYearsSinceGraduation",
  citizenshipRequired: "Who may apply by citizenship of the listing's country; null when the source does not say",
  minimumClinicalExperienceMonths: "Months of clinical experience asked for; null when the source does not say",
  clinicalExperienceInCountry:
    "True when the clinical experience must be in the listing's country; null or false: anywhere",
  returnOfServiceNote:
    "A return-of-service obligation in the source's words (e.g. years of practice in the province after training): shown to candidates, never decided",
} as const;

// A TypeScript mixin's base must be constructible with any arguments (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EntityBase = abstract new (...args: any[]) => object;

/**
 * `Base` (an abstract entity class holding the columns a listing has before its rules) followed
 * by the rule columns and their GraphQL fields. A mixin rather than a base class because TypeORM
 * and type-graphql list a parent's columns and fields before the child's: in the middle of the
 * chain, it keeps each entity's columns in the order they have always had. Simple resolvers, as
 * for the entities that use it (type-graphql resolves an inherited field as its parent type does).
 */
export function WithListingRuleColumns<TBase extends EntityBase>(Base: TBase) {
  @ObjectType(`${Base.name}WithListingRules`, { simpleResolvers: true })
  abstract class ListingRuleColumns extends Base implements ListingRules {
    @Field(() => [VisaType], { nullable: true, description: RULE_DESCRIPTIONS.visaTypesSponsored })
    @Column({ type: "simple-json", nullable: true })
    visaTypesSponsored: VisaType[] | null;

    @Field(() => Int, { nullable: true, description: RULE_DESCRIPTIONS.maxYearsSinceGraduation })
    @Column({ type: "integer", nullable: true })
    maxYearsSinceGraduation: number | null;

    @Field(() => Boolean, { nullable: true, description: RULE_DESCRIPTIONS.graduatesOfAnyYear })
    @Column({ type: "boolean", nullable: true })
    graduatesOfAnyYear: boolean | null;

    @Field(() => CitizenshipRule, { nullable: true, description: RULE_DESCRIPTIONS.citizenshipRequired })
    @Column({ type: "simple-enum", enum: CitizenshipRule, nullable: true })
    citizenshipRequired: CitizenshipRule | null;

    @Field(() => Int, { nullable: true, description: RULE_DESCRIPTIONS.minimumClinicalExperienceMonths })
    @Column({ type: "integer", nullable: true })
    minimumClinicalExperienceMonths: number | null;

    @Field(() => Boolean, { nullable: true, description: RULE_DESCRIPTIONS.clinicalExperienceInCountry })
    @Column({ type: "boolean", nullable: true })
    clinicalExperienceInCountry: boolean | null;

    @Field(() => String, { nullable: true, description: RULE_DESCRIPTIONS.returnOfServiceNote })
    @Column({ type: "text", nullable: true })
    returnOfServiceNote: string | null;
  }
  return ListingRuleColumns;
}

/** The rule fields of a program's or a pathway's create/update input. */
@InputType()
export abstract class ListingRulesInput {
  @Field(() => [VisaType], { nullable: true, description: RULE_DESCRIPTIONS.visaTypesSponsored })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique({ message: "visaTypesSponsored must not list a visa twice" })
  @IsEnum(VisaType, { each: true })
  @ValidateBy({
    name: "noNoneVisa",
    validator: {
      validate: (v: unknown) => !Array.isArray(v) || !v.includes(VisaType.NONE),
      defaultMessage: () => "visaTypesSponsored cannot hold NONE: send [] for a listing that sponsors no visa",
    },
  })
  visaTypesSponsored?: VisaType[] | null;

  @Field(() => Int, { nullable: true, description: RULE_DESCRIPTIONS.maxYearsSinceGraduation })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(80)
  maxYearsSinceGraduation?: number | null;

  @Field(() => Boolean, { nullable: true, description: RULE_DESCRIPTIONS.graduatesOfAnyYear })
  @IsOptional()
  @IsBoolean()
  graduatesOfAnyYear?: boolean | null;

  @Field(() => CitizenshipRule, { nullable: true, description: RULE_DESCRIPTIONS.citizenshipRequired })
  @IsOptional()
  @IsEnum(CitizenshipRule)
  citizenshipRequired?: CitizenshipRule | null;

  @Field(() => Int, { nullable: true, description: RULE_DESCRIPTIONS.minimumClinicalExperienceMonths })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  minimumClinicalExperienceMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: RULE_DESCRIPTIONS.clinicalExperienceInCountry })
  @IsOptional()
  @IsBoolean()
  clinicalExperienceInCountry?: boolean | null;

  @Field(() => String, { nullable: true, description: RULE_DESCRIPTIONS.returnOfServiceNote })
  @IsOptional()
  @IsText(5000)
  returnOfServiceNote?: string | null;
}

/**
 * Cross-field rules of a listing as it will be: "in country" needs a minimum to qualify, "any
 * graduation year" and a limit contradict each other, and a program's old `visaSponsorship` flag
 * must agree with its list of visas.
 */
export function listingRuleBreaches(
  rules: Pick<
    ListingRules,
    | "visaTypesSponsored"
    | "minimumClinicalExperienceMonths"
    | "clinicalExperienceInCountry"
    | "maxYearsSinceGraduation"
    | "graduatesOfAnyYear"
  >,
  visaSponsorship: boolean | null | undefined,
  sent: (field: string) => boolean,
): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  if (rules.graduatesOfAnyYear === true && rules.maxYearsSinceGraduation !== null) {
    breaches.push({
      field: sent("graduatesOfAnyYear") ? "graduatesOfAnyYear" : "maxYearsSinceGraduation",
      rule: "anyYearOrLimit",
      message: `graduatesOfAnyYear says there is no limit, but maxYearsSinceGraduation is ${rules.maxYearsSinceGraduation}: send one of them`,
    });
  }
  if (rules.clinicalExperienceInCountry === true && rules.minimumClinicalExperienceMonths === null) {
    breaches.push({
      field: sent("clinicalExperienceInCountry") ? "clinicalExperienceInCountry" : "minimumClinicalExperienceMonths",
      rule: "inCountryNeedsMinimum",
      message: "clinicalExperienceInCountry needs minimumClinicalExperienceMonths",
    });
  }
  const visas = rules.visaTypesSponsored;
  if (visas !== null && visaSponsorship !== null && visaSponsorship !== undefined) {
    if (visaSponsorship !== visas.length > 0) {
      breaches.push({
        field: sent("visaSponsorship") ? "visaSponsorship" : "visaTypesSponsored",
        rule: "visaSponsorshipAgrees",
        message: `visaSponsorship ${visaSponsorship} disagrees with visaTypesSponsored [${visas.join(", ")}]`,
      });
    }
  }
  return breaches;
}
