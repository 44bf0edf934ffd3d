import { IsOptional, IsString, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, registerEnumType } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";
import { SortDirection } from "../../core/enums";
import { SEARCH_MAX_LENGTH } from "../../core/args";
import { ProgramFilter } from "./program.filter-input";

export enum ProgramOrder {
  RELEVANCE = "RELEVANCE",
  TITLE = "TITLE",
  INSTITUTION = "INSTITUTION",
  TYPE = "TYPE",
  STATUS = "STATUS",
  LAST_VERIFIED = "LAST_VERIFIED",
  RECENTLY_UPDATED = "RECENTLY_UPDATED",
}
registerEnumType(ProgramOrder, {
  name: "ProgramOrder",
  description: "How programs are ordered; every ordering ends with the id, so pages never skip or repeat a program",
  valuesConfig: {
    RELEVANCE: { description: "Best search match first (needs `search`; the default when searching), then title" },
    TITLE: { description: "A to Z by title (the default without a search)" },
    INSTITUTION: {
      description: "A to Z by institution name, then title; programs without an institution last in either direction",
    },
    TYPE: { description: "Residency, fellowship, clinical elective, observership; then title" },
    STATUS: { description: "Draft, published, archived (useful to curators); then title" },
    LAST_VERIFIED: { description: "Most recently verified first; never-verified programs count as the oldest" },
    RECENTLY_UPDATED: { description: "Most recently changed first" },
  },
});

/** `search` is checked here too: its words (not its punctuation) reach the full-text index. */

@ArgsType()
export class ProgramsArgs extends ConnectionArgs {
  @Field(() => ProgramFilter, {
    nullable: true,
    description: "Lists match any of their values; fields combine with AND",
  })
  @IsOptional()
  @ValidateNested()
  filter?: ProgramFilter | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Full-text search over title, description, institution name and city, specialties and pathway. " +
      'Every word must match, as a word prefix ("cardio mayo"); punctuation is ignored',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH, { message: `search must be at most ${SEARCH_MAX_LENGTH} characters` })
  search?: string | null;

  @Field(() => ProgramOrder, { nullable: true, description: "Defaults to RELEVANCE with a search, TITLE without" })
  @IsOptional()
  orderBy?: ProgramOrder | null;

  @Field(() => SortDirection, { nullable: true, description: "Defaults to the ordering's natural direction" })
  @IsOptional()
  orderDirection?: SortDirection | null;
}
