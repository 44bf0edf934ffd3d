import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";
import { IsEntityId } from "../../core/input-rules";
import { AuditAction } from "./audit-entry.entity";

@InputType({ description: "Narrows the audit log; every field given must match" })
export class AuditFilter {
  @Field(() => String, {
    nullable: true,
    description: "GraphQL type name: Program, Institution, Requirement, Pathway, Specialty, Curator",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: "The curator who made the change" })
  @IsOptional()
  @IsEntityId()
  actorId?: string | null;

  @Field(() => [AuditAction], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(AuditAction, { each: true })
  action?: AuditAction[] | null;

  @Field(() => Date, { nullable: true, description: "Entries at or after this instant" })
  @IsOptional()
  @IsDate()
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: "Entries before this instant" })
  @IsOptional()
  @IsDate()
  until?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditFilter | null;
}
