import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from "class-validator";
import { ArgsType, Field, Float, InputType, Int } from "type-graphql";
import { IsScore } from "../../core/input-rules";
import { MAX_SCORE } from "../requirement/requirement.input";
import { ConnectionArgs } from "../../core/connection";
import { CandidateStage, VisaType } from "../../core/enums";
import { ProgramFilter } from "../program/program.filter-input";
import { EligibilityVerdict } from "./eligibility.types";

export { CandidateStage };

const MAX_PROFILE_ITEMS = 50;
const COUNTRY_CODE = "must be ISO 3166-1 alpha-2 country codes in capitals, e.g. IN, CA, US";

@InputType({ description: "A score the candidate has on an exam in the catalogue" })
export class ScoreInput {
  @Field({ description: "Requirement code, e.g. USMLE_STEP_1 (language tests too, e.g. a TOEFL or IELTS entry)" })
  @IsString()
  @Length(1, 64)
  code: string;

  @Field(() => Float, {
    description:
      "A decimal such as 6.5, on the exam's scale (requirement scoreMin..scoreMax, scoreStep); SCORED exams only",
  })
  @IsScore(MAX_SCORE)
  score: number;
}

@InputType({ description: "Months of clinical experience in one country" })
export class CountryMonthsInput {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. US or CA" })
  @IsISO31661Alpha2({ message: `country ${COUNTRY_CODE}` })
  country: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1200)
  months: number;
}

@InputType({
  description:
    "Who is asking: what they are and what they hold. Every field but stage and holds is optional: a rule is checked " +
    "against what the profile states, and a fact it leaves out is not held against it (except where a listing states " +
    "a rule about it: then the answer is UNKNOWN until the profile says)",
})
export class CandidateProfile {
  @Field(() => CandidateStage)
  stage: CandidateStage;

  @Field(() => [String], {
    description:
      "Requirement codes the candidate meets (exams passed, certification, licence…); what they imply counts as held too",
  })
  @ArrayMaxSize(MAX_PROFILE_ITEMS)
  @Length(1, 64, { each: true })
  holds: string[];

  @Field(() => [ScoreInput], {
    nullable: true,
    description: "Exam scores, checked against programs' minimum scores; an exam with a score counts as held",
  })
  @IsOptional()
  @ArrayMaxSize(MAX_PROFILE_ITEMS)
  @ValidateNested({ each: true })
  scores?: ScoreInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Year of graduation (a student's expected one): checked against listings' maxYearsSinceGraduation for graduates",
  })
  @IsOptional()
  @IsInt()
  @Min(1940)
  @Max(2100)
  graduationYear?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: the candidate needs some visa (any type); false: none. Ignored when visaNeeded is given",
    deprecationReason: "Use visaNeeded: it says which visa, which listings' visaTypesSponsored decide",
  })
  @IsOptional()
  @IsBoolean()
  needsVisa?: boolean | null;

  @Field(() => VisaType, {
    nullable: true,
    description:
      "The visa the candidate needs: J1 or H1B for U.S. programs, CA_WORK_PERMIT for Canadian ones (for programs of the other " +
      "country it means some visa is needed); NONE: none. Never needed where the candidate is a citizen or permanent resident",
  })
  @IsOptional()
  @IsEnum(VisaType)
  visaNeeded?: VisaType | null;

  @Field(() => [String], { nullable: true, description: "Countries of citizenship (ISO 3166-1 alpha-2: IN, CA, US…)" })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsISO31661Alpha2({ each: true, message: `citizenships ${COUNTRY_CODE}` })
  citizenships?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Countries of permanent residency (ISO 3166-1 alpha-2)" })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsISO31661Alpha2({ each: true, message: `permanentResidencies ${COUNTRY_CODE}` })
  permanentResidencies?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Months of clinical experience, anywhere" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1200)
  clinicalExperienceMonths?: number | null;

  @Field(() => [CountryMonthsInput], {
    nullable: true,
    description: "Months of clinical experience by country, for listings that ask for experience in their country",
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  clinicalExperienceByCountry?: CountryMonthsInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: the candidate has completed a residency (holds what the catalogue marks heldWhen COMPLETED_RESIDENCY)",
  })
  @IsOptional()
  @IsBoolean()
  completedResidency?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Countries where the candidate holds a full medical licence (ISO 3166-1 alpha-2); any counts as holding what the catalogue marks heldWhen LICENSED",
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsISO31661Alpha2({ each: true, message: `licensedIn ${COUNTRY_CODE}` })
  licensedIn?: string[] | null;
}

@ArgsType()
export class EligibilityArgs extends ConnectionArgs {
  @Field(() => ProgramFilter, {
    nullable: true,
    description: "Which programs to check (the same filter as `programs`)",
  })
  @IsOptional()
  @ValidateNested()
  filter?: ProgramFilter | null;

  @Field(() => [EligibilityVerdict], {
    nullable: true,
    description: "Only programs with one of these verdicts (verdictCounts still counts every verdict, for facets)",
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(EligibilityVerdict, { each: true })
  verdicts?: EligibilityVerdict[] | null;
}
