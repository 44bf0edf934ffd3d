import { IsOptional } from "class-validator";
import { ArgsType, Field, registerEnumType } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";
import { ProgramOrder } from "../program/program.args";

export enum InstitutionOrder {
  NAME = "NAME",
  RECENTLY_UPDATED = "RECENTLY_UPDATED",
}
registerEnumType(InstitutionOrder, { name: "InstitutionOrder" });

@ArgsType()
export class InstitutionsArgs extends ConnectionArgs {
  @Field(() => InstitutionOrder, { nullable: true, description: "Defaults to NAME" })
  @IsOptional()
  orderBy?: InstitutionOrder | null;
}

@ArgsType()
export class InstitutionProgramsArgs extends ConnectionArgs {
  @Field(() => ProgramOrder, { nullable: true, description: "Defaults to TITLE" })
  @IsOptional()
  orderBy?: ProgramOrder | null;
}
