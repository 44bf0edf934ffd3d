import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";

const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

@ArgsType()
export class CreateSnapshotArgs {
  @Field({ description: "What the snapshot is for, e.g. 'Before the 2026 CaRMS review'" })
  @IsString()
  @MaxLength(200, { message: "label must be at most 200 characters" })
  @Matches(/\S/, { message: "label must not be empty" })
  label: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Include draft and archived listings (downloads then need a curator)" })
  @IsOptional()
  @IsBoolean()
  includeDrafts?: boolean | null;
}

@ArgsType()
export class SnapshotArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: "id must be an id this API issued" })
  id: string;
}

@ArgsType()
export class SnapshotDiffArgs {
  @Field(() => ID, { description: "The older snapshot" })
  @Matches(ID_PATTERN, { message: "from must be an id this API issued" })
  from: string;

  @Field(() => ID, { description: "The newer snapshot" })
  @Matches(ID_PATTERN, { message: "to must be an id this API issued" })
  to: string;
}
