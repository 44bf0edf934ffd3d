import { ArrayMaxSize, IsOptional, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Country, ListingStatus } from "../../core/enums";
import { IsEntityId } from "../../core/input-rules";
import { Audience, ProgramType } from "./program.enums";
import { MAX_FILTER_VALUES } from "../../core/args";

/** Most values one list filter takes: enough for any sidebar, small enough to keep statements small. */

const list = { nullable: true } as const;

@InputType({
  description:
    "Which programs to show. A list matches any of its values (OR); fields combine with AND; an omitted or null field does not filter.",
})
export class ProgramFilter {
  @Field(() => [ID], list)
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsEntityId({ each: true })
  ids?: string[] | null;

  @Field(() => [ProgramType], list)
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  type?: ProgramType[] | null;

  @Field(() => [Audience], {
    ...list,
    description:
      "GRADUATE matches programs for graduates or BOTH; STUDENT matches programs for students or BOTH; BOTH matches BOTH only",
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  audience?: Audience[] | null;

  @Field(() => [Country], list)
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  country?: Country[] | null;

  @Field(() => [String], { ...list, description: "State or province codes: MN, ON, QC… (any case)" })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 8, { each: true, message: "region codes are 1 to 8 characters" })
  region?: string[] | null;

  @Field(() => [String], { ...list, description: "Specialty slugs: programs in any of them" })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 200, { each: true })
  specialty?: string[] | null;

  @Field(() => [String], { ...list, description: "Institution slugs" })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 200, { each: true })
  institution?: string[] | null;

  @Field(() => [String], { ...list, description: "Pathway slugs" })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 200, { each: true })
  pathway?: string[] | null;

  @Field(() => [String], {
    ...list,
    description:
      "Requirement codes: programs that ask for any of them (REQUIRED or RECOMMENDED), themselves or through their pathway",
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 64, { each: true })
  requirement?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: hands-on patient care; false: none. Programs where it is unknown match neither",
  })
  @IsOptional()
  handsOnPatientCare?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: sponsors visas; false: does not. Programs where it is unknown match neither",
  })
  @IsOptional()
  visaSponsorship?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: reserves positions for IMGs (imgPositions > 0); false: reserves none or does not say",
  })
  @IsOptional()
  hasImgPositions?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: verified within the review interval and unchanged since; false: never verified, not recently, or changed since",
  })
  @IsOptional()
  verified?: boolean | null;

  @Field(() => [ListingStatus], {
    ...list,
    description: "For curators; anonymous readers always get PUBLISHED listings only, whatever this says",
  })
  @IsOptional()
  @ArrayMaxSize(3)
  status?: ListingStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: never verified, not within the review interval, or a fact changed since (the opposite of verified)",
  })
  @IsOptional()
  dueForReview?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: the French translation is older than the English text (due for review); false: it is not",
  })
  @IsOptional()
  translationStale?: boolean | null;
}
