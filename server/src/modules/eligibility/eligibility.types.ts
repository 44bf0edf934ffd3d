import { Field, Float, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";

@ObjectType({ simpleResolvers: true, description: "A REQUIRED requirement the candidate does not meet, and why" })
export class MissingRequirement {
  @Field(() => Requirement)
  requirement: Requirement;

  @Field({
    description: "e.g. 'You do not hold USMLE Step 1' or 'Your USMLE Step 1 score 210 is below the minimum of 220'",
  })
  reason: string;

  @Field(() => Float, { nullable: true, description: "The program's minimum score, when the shortfall is a score" })
  minimumScore: number | null;

  @Field(() => Float, { nullable: true, description: "The candidate's score, when the shortfall is a score" })
  score: number | null;

  @Field({
    description: "True when the requirement comes from the program's pathway (e.g. the NRMP's ECFMG certification)",
  })
  fromPathway: boolean;
}

@ObjectType({ simpleResolvers: true, description: "Whether a candidate can apply to one program, and what they lack" })
export class ProgramEligibility {
  @Field(() => Program)
  program: Program;

  @Field({ description: "True when nothing below stands in the way" })
  eligible: boolean;

  @Field(() => [Requirement], {
    description: "REQUIRED requirements (the program's and its pathway's) the candidate lacks or scores below",
  })
  missing: Requirement[];

  @Field(() => [MissingRequirement])
  missingDetails: MissingRequirement[];

  @Field(() => [Requirement], {
    description: "RECOMMENDED requirements the candidate does not hold (they do not affect eligibility)",
  })
  recommendedMissing: Requirement[];

  @Field(() => [String], { description: "Every reason the candidate is not eligible, in words; empty when eligible" })
  reasons: string[];
}

export const ProgramEligibilityConnection = Connection(ProgramEligibility, "ProgramEligibility");
