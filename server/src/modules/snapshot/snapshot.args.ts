import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { IsEntityId } from "../../core/input-rules";

@ArgsType()
export class CreateSnapshotArgs {
  @Field({ description: "What the snapshot is for, e.g. 'Before the 2026 CaRMS review'" })
  @IsString()
  @MaxLength(200, { message: "label must be at most 200 characters" })
  @Matches(/\S/, { message: "label must not be empty" })
  label: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Include draft and archived listings (downloads then need a curator)",
  })
  @IsOptional()
  @IsBoolean()
  includeDrafts?: boolean | null;
}

@ArgsType()
export class SnapshotArgs {
  @Field(() => ID)
  @IsEntityId()
  id: string;
}

@ArgsType()
export class SnapshotDiffArgs {
  @Field(() => ID, { description: "The older snapshot" })
  @IsEntityId()
  from: string;

  @Field(() => ID, { description: "The newer snapshot" })
  @IsEntityId()
  to: string;
}
