import { IsOptional, IsString, Length, Matches } from "class-validator";
import { ArgsType, Field, ID, registerEnumType } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";

export enum ProgramOrder {
  TITLE = "TITLE",
  RECENTLY_UPDATED = "RECENTLY_UPDATED",
}
registerEnumType(ProgramOrder, {
  name: "ProgramOrder",
  valuesConfig: {
    TITLE: { description: "A to Z by title" },
    RECENTLY_UPDATED: { description: "Most recently changed first" },
  },
});

@ArgsType()
export class ProgramsArgs extends ConnectionArgs {
  @Field(() => ProgramOrder, { nullable: true, description: "Defaults to TITLE" })
  @IsOptional()
  orderBy?: ProgramOrder | null;
}

/** Look-up of one record by `id` or by `slug` (exactly one of them). */
@ArgsType()
export class SlugLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,15}$/, { message: "id must be an id this API issued" })
  id?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  slug?: string | null;
}
