import { Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { IsEntityId } from "./input-rules";

/** `id` and the `version` the client read: every write is conditional on it. */
@ArgsType()
export class VersionArgs {
  @Field(() => ID)
  @IsEntityId()
  id: string;

  @Field(() => Int, { description: "The version you read; a stale one fails with CONFLICT and changes nothing" })
  @Min(1, { message: "version must be 1 or more" })
  version: number;
}

@ArgsType()
export class RevertArgs extends VersionArgs {
  @Field(() => ID, { description: "The audit entry to go back before: the record returns to its state just before it" })
  @IsEntityId()
  toEntry: string;
}
