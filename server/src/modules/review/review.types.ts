import { IsEnum, IsOptional } from "class-validator";
import { ArgsType, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Connection, ConnectionArgs } from "../../core/connection";
import { TEXT_DOC } from "../../core/locale";
import { CHANGED_SINCE_VERIFIED_DESCRIPTION, LAST_VERIFIED_DESCRIPTION } from "../../core/provenance";

export enum ReviewRecordType {
  PROGRAM = "PROGRAM",
  INSTITUTION = "INSTITUTION",
  PATHWAY = "PATHWAY",
  REQUIREMENT = "REQUIREMENT",
}
registerEnumType(ReviewRecordType, { name: "ReviewRecordType", description: "The kinds of record a curator verifies" });

export enum ReviewReason {
  NEVER_VERIFIED = "NEVER_VERIFIED",
  CHANGED_SINCE_VERIFIED = "CHANGED_SINCE_VERIFIED",
  STALE = "STALE",
  TRANSLATION_STALE = "TRANSLATION_STALE",
}
registerEnumType(ReviewReason, {
  name: "ReviewReason",
  description: "Why a record is due for review, the most pressing first",
  valuesConfig: {
    NEVER_VERIFIED: { description: "No curator has verified it yet" },
    CHANGED_SINCE_VERIFIED: { description: "A fact-bearing field changed after its last verification" },
    STALE: { description: "Last verified longer ago than REVIEW_INTERVAL_DAYS" },
    TRANSLATION_STALE: {
      description: "Verified and current, but its French translation is older than its English text",
    },
  },
});

@ObjectType({ simpleResolvers: true, description: "A record due for review: what it is, and why it is due" })
export class ReviewItem {
  @Field(() => ReviewRecordType)
  recordType: ReviewRecordType;

  @Field(() => ID, { description: "The record's id (with recordType: verifyProgram(id), institution(id)…)" })
  id: string;

  @Field({ description: "A program's title; an institution's, pathway's or requirement's name" })
  name: string;

  @Field(() => Date, { nullable: true, description: LAST_VERIFIED_DESCRIPTION })
  lastVerifiedAt: Date | null;

  @Field({ description: CHANGED_SINCE_VERIFIED_DESCRIPTION })
  changedSinceVerified: boolean;

  @Field(() => ReviewReason, { description: "The most pressing reason it is due" })
  reason: ReviewReason;

  @Field({ description: TEXT_DOC.stale })
  translationStale: boolean;

  /** The verifying curator's id, for the verifiedBy field. */
  verifiedById: number | null;
}

export const ReviewItemConnection = Connection(ReviewItem, "ReviewItem");

@ArgsType()
export class ReviewQueueArgs extends ConnectionArgs {
  @Field(() => [ReviewRecordType], { nullable: true, description: "Only these kinds of record (omit for all)" })
  @IsOptional()
  @IsEnum(ReviewRecordType, { each: true })
  types?: ReviewRecordType[] | null;
}
