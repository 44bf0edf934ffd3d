import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { IsText } from "../../core/input-rules";
import { CuratorRole } from "./curator.entity";
import { IsPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";

@InputType({ description: "A new curator account (ADMIN)" })
export class CuratorInput {
  @Field({ description: "Unique, case-insensitive" })
  @IsEmail({}, { message: "email must be an email address" })
  @MaxLength(254)
  email: string;

  @Field(() => String, { nullable: true, description: "Defaults to the part of the email before the @" })
  @IsOptional()
  @IsText(200)
  name?: string | null;

  @Field(() => CuratorRole)
  @IsEnum(CuratorRole)
  role: CuratorRole;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters` })
  @IsPassword()
  password: string;
}

@InputType({
  description: "Changes to a curator account (ADMIN). active: false disables it and ends its sessions at once.",
})
export class CuratorUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(200)
  name?: string | null;

  @Field(() => CuratorRole, { nullable: true })
  @IsOptional()
  @IsEnum(CuratorRole)
  role?: CuratorRole | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `A new password (at least ${PASSWORD_MIN_LENGTH} characters); ends the curator's sessions`,
  })
  @IsOptional()
  @IsPassword()
  password?: string | null;
}

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
