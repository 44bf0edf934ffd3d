import { ArrayMaxSize, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";
import { IsScore } from "../../core/input-rules";
import { MAX_SCORE } from "../requirement/requirement.input";
import { ProgramFilter } from "../program/program.filter-input";

export enum CandidateStage {
  GRADUATE = "GRADUATE",
  STUDENT = "STUDENT",
}
registerEnumType(CandidateStage, {
  name: "CandidateStage",
  description: "GRADUATE: an international medical graduate (IMG); STUDENT: an international medical student (IMS)",
});

const MAX_PROFILE_ITEMS = 50;

@InputType({ description: "A score the candidate has on an exam in the catalogue" })
export class ScoreInput {
  @Field({ description: "Requirement code, e.g. USMLE_STEP_1" })
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

@InputType({ description: "Who is asking: what they are and what they hold" })
export class CandidateProfile {
  @Field(() => CandidateStage)
  stage: CandidateStage;

  @Field(() => [String], {
    description: "Requirement codes the candidate meets (exams passed, certification, licence…)",
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
      "Year of (expected) graduation. Accepted for the future: no listing states a graduation-year limit yet, so it changes no result",
  })
  @IsOptional()
  @IsInt()
  @Min(1940)
  @Max(2100)
  graduationYear?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: programs that say they do not sponsor visas are not eligible",
  })
  @IsOptional()
  needsVisa?: boolean | null;
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
}
