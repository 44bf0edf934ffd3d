import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { Country, ProfileFact } from "../../core/enums";
import { IsText, RequiredOnCreate } from "../../core/input-rules";
import { RequirementKind } from "./requirement.entity";

export const REQUIREMENT_CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

@InputType({
  description: "A catalogue entry's editable fields. On update send only what changes; null clears an optional field.",
})
@RequiredOnCreate("code", "name", "kind")
export class RequirementInput {
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
  @IsText(200)
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
  @IsText(20000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: "Lowest score the exam reports" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  scoreMin?: number | null;

  @Field(() => Int, { nullable: true, description: "Highest score the exam reports; at least scoreMin" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  scoreMax?: number | null;

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
