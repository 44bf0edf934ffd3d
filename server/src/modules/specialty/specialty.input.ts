import { IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import { IsSlug, IsText, RequiredOnCreate } from "../../core/input-rules";

@InputType({ description: "A specialty's editable fields. On update send only what changes." })
@RequiredOnCreate("slug", "name")
export class SpecialtyInput {
  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsSlug(120)
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsText(200)
  name?: string | null;
}
