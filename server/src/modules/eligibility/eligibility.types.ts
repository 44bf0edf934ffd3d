import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../core/connection";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";

export enum EligibilityVerdict {
  ELIGIBLE = "ELIGIBLE",
  UNKNOWN = "UNKNOWN",
  INELIGIBLE = "INELIGIBLE",
}
registerEnumType(EligibilityVerdict, {
  name: "EligibilityVerdict",
  description:
    "ELIGIBLE: the listing's data shows nothing in the way; INELIGIBLE: something does (an UNMET or BLOCKING reason); " +
    "UNKNOWN: nothing does, but the listing does not say enough to decide (an UNKNOWN reason)",
});

export enum EligibilityReasonKind {
  UNMET = "UNMET",
  BLOCKING = "BLOCKING",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(EligibilityReasonKind, {
  name: "EligibilityReasonKind",
  description:
    "UNMET: something the candidate can do ('Take USMLE Step 2 CK'); BLOCKING: something they cannot change " +
    "('for graduates; you are a student'); UNKNOWN: the listing does not say ('does not say whether it sponsors visas')",
});

@ObjectType({ simpleResolvers: true, description: "One reason behind a verdict, in the candidate's words" })
export class EligibilityReason {
  @Field(() => EligibilityReasonKind)
  kind: EligibilityReasonKind;

  @Field({ description: "What it means for the candidate; for UNMET, what to do ('Take USMLE Step 2 CK')" })
  message: string;

  @Field(() => Requirement, { nullable: true, description: "The requirement it is about, when it is about one" })
  requirement: Requirement | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The listing rule it is about, when it is one: audience, visaTypesSponsored, citizenshipRequired, maxYearsSinceGraduation, minimumClinicalExperienceMonths",
  })
  rule: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A REQUIRED requirement the candidate does not meet, and why" })
export class MissingRequirement {
  @Field(() => Requirement)
  requirement: Requirement;

  @Field({
    description: "e.g. 'You do not hold USMLE Step 1' or 'Your USMLE Step 1 score 210 is below the minimum of 220'",
  })
  reason: string;

  @Field(() => Float, { nullable: true, description: "The program's minimum score, when the shortfall is a score" })
  minimumScore: number | null;

  @Field(() => Float, { nullable: true, description: "The candidate's score, when the shortfall is a score" })
  score: number | null;

  @Field({
    description: "True when the requirement comes from the program's pathway (e.g. the NRMP's ECFMG certification)",
  })
  fromPathway: boolean;
}

@ObjectType({ simpleResolvers: true, description: "Whether a candidate can apply to one program, and why" })
export class ProgramEligibility {
  @Field(() => Program)
  program: Program;

  @Field(() => EligibilityVerdict)
  verdict: EligibilityVerdict;

  @Field(() => [EligibilityReason], {
    description: "Every reason behind the verdict (UNMET and BLOCKING first, then UNKNOWN); empty when ELIGIBLE",
  })
  verdictReasons: EligibilityReason[];

  @Field({
    description:
      "True only when the verdict is ELIGIBLE: an UNKNOWN verdict is false, though nothing known stands in the way",
  })
  eligible: boolean;

  @Field(() => [Requirement], {
    description: "REQUIRED requirements (the program's and its pathway's) the candidate lacks or scores below",
  })
  missing: Requirement[];

  @Field(() => [MissingRequirement])
  missingDetails: MissingRequirement[];

  @Field(() => [Requirement], {
    description:
      "COMMONLY_REQUIRED and RECOMMENDED requirements the candidate does not hold (COMMONLY_REQUIRED ones also give an UNKNOWN reason)",
  })
  recommendedMissing: Requirement[];

  @Field(() => [String], {
    description: "Every reason behind the verdict, in words; empty when ELIGIBLE",
    deprecationReason: "Use verdictReasons: each says whether it is UNMET, BLOCKING or UNKNOWN",
  })
  reasons: string[];
}

@ObjectType({ simpleResolvers: true, description: "How many checked programs have each verdict" })
export class EligibilityVerdictCounts {
  @Field(() => Int)
  eligible: number;

  @Field(() => Int)
  unknown: number;

  @Field(() => Int)
  ineligible: number;
}

@ObjectType("ProgramEligibilityEdge", { simpleResolvers: true })
export class ProgramEligibilityEdge {
  @Field({ description: "Pass as `after` to read the items that follow this one" })
  cursor: string;

  @Field(() => ProgramEligibility)
  node: ProgramEligibility;
}

@ObjectType("ProgramEligibilityConnection", {
  simpleResolvers: true,
  description: "A page of ProgramEligibility items",
})
export class ProgramEligibilityConnection {
  @Field(() => Int, { description: "How many items match (the verdicts argument included), across all pages" })
  totalCount: number;

  @Field(() => EligibilityVerdictCounts, {
    description: "Programs matching the filter by verdict, whatever the verdicts argument asks for (for facets)",
  })
  verdictCounts: EligibilityVerdictCounts;

  @Field(() => [ProgramEligibilityEdge])
  edges: ProgramEligibilityEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
