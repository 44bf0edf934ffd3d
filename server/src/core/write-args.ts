import { IsOptional, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IsEntityId, IsText } from "./input-rules";

/**
 * `id` and the `version` the client read: every write is conditional on it. The same pair is the
 * input `VersionRef`, one record of a bulk write (core/bulk-write.ts).
 */
@ArgsType()
@InputType("VersionRef", { description: "A record and the version of it you read" })
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

@ArgsType()
export class VerifyArgs extends VersionArgs {
  @Field(() => String, {
    nullable: true,
    description: "What was checked, e.g. 'matches the program page, 2025 intake'",
  })
  @IsOptional()
  @IsText(2000)
  note?: string | null;
}
