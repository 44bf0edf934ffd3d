import { ArrayMaxSize, IsEnum, IsOptional, IsString, Matches, MaxLength } from "class-validator";
import { Field, Float, InputType } from "type-graphql";
import { Country, ProfileFact } from "../../core/enums";
import { IsScore, IsText, RequiredOnCreate } from "../../core/input-rules";
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, WithSourceAndFrench } from "../../core/sourced-input";
import { RequirementKind } from "./requirement.entity";
import { ScoreKind } from "./score-kind";

/** The highest score, minimum or bound any scale may have. */
export const MAX_SCORE = 100000;

export const REQUIREMENT_CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** A catalogue entry's own fields up to its scale; RequirementInput follows them with its source and French text. */
@InputType()
abstract class RequirementFields {
  @Field(() => String, { nullable: true, description: "Stable code such as USMLE_STEP_1; required on create" })
  @IsOptional()
  @IsString()
  @Matches(REQUIREMENT_CODE_PATTERN, {
    message: "code must be capital letters and digits in words joined by underscores, e.g. USMLE_STEP_1",
  })
  @MaxLength(64)
  code?: string | null;

  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsText(NAME_MAX_LENGTH)
  name?: string | null;

  @Field(() => RequirementKind, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsEnum(RequirementKind)
  kind?: RequirementKind | null;

  @Field(() => Country, { nullable: true })
  @IsOptional()
  @IsEnum(Country)
  country?: Country | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @Field(() => ScoreKind, {
    nullable: true,
    description:
      "SCORED, PASS_FAIL or NONE. On create it defaults to SCORED when a range or step is given, else NONE. A change that would leave a program's minimum score off the scale is refused",
  })
  @IsOptional()
  @IsEnum(ScoreKind)
  scoreKind?: ScoreKind | null;

  @Field(() => Float, { nullable: true, description: "SCORED only: the lowest score the exam reports" })
  @IsOptional()
  @IsScore(MAX_SCORE)
  scoreMin?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "SCORED only: the highest score the exam reports; at least scoreMin",
  })
  @IsOptional()
  @IsScore(MAX_SCORE)
  scoreMax?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "SCORED only: the step between scores from scoreMin, e.g. 0.5 for IELTS; scoreMax must be on it",
  })
  @IsOptional()
  @IsScore(MAX_SCORE, 0.01)
  scoreStep?: number | null;
}

@InputType({
  description: "A catalogue entry's editable fields. On update send only what changes; null clears an optional field.",
})
@RequiredOnCreate("code", "name", "kind")
export class RequirementInput extends WithSourceAndFrench(RequirementFields) {
  @Field(() => ProfileFact, {
    nullable: true,
    description:
      "A candidate profile fact that counts as holding this entry (STUDENT for an 'enrolled medical student' entry)",
  })
  @IsOptional()
  @IsEnum(ProfileFact)
  heldWhen?: ProfileFact | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Codes of the entries that holding this one implies (ECFMG_CERTIFICATION implies USMLE_STEP_1 and USMLE_STEP_2_CK): the whole new list; omit to keep, null or [] clears. Never itself, never a cycle",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  impliesCodes?: string[] | null;
}
