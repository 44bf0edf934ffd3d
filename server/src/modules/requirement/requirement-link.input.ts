import { IsEnum, IsOptional } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { RequirementLevel } from "../../core/enums";
import { IsEntityId, IsText } from "../../core/input-rules";

/** What every link to a catalogue entry carries, whether a program's or a pathway's. */
@InputType()
export abstract class RequirementLinkInput {
  @Field(() => ID)
  @IsEntityId()
  requirementId: string;

  @Field(() => RequirementLevel)
  @IsEnum(RequirementLevel)
  level: RequirementLevel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(2000)
  note?: string | null;
}
