import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { SCORE_COLUMN } from "../../core/decimal-column";
import { RequirementLevel } from "../../core/enums";
import { Requirement } from "../requirement/requirement.entity";
import { Program } from "./program.entity";
import type { ColumnMap } from "../../core/field-selection";

@ObjectType({ simpleResolvers: true, description: "A requirement as one program asks for it" })
@Entity("program_requirements")
@Index("UQ_program_requirements_pair", ["programId", "requirementId"], { unique: true })
export class ProgramRequirement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "integer" })
  programId: number;

  // The links belong to their program and go with it.
  @ManyToOne(() => Program, { onDelete: "CASCADE" })
  @JoinColumn({ name: "programId", foreignKeyConstraintName: "FK_program_requirements_program" })
  program?: Program;

  @Index("IDX_program_requirements_requirement")
  @Column({ type: "integer" })
  requirementId: number;

  // A catalogue entry in use cannot be deleted out from under a program.
  @ManyToOne(() => Requirement, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "requirementId", foreignKeyConstraintName: "FK_program_requirements_requirement" })
  requirement?: Requirement;

  @Field(() => RequirementLevel)
  @Column({ type: "simple-enum", enum: RequirementLevel })
  level: RequirementLevel;

  @Field(() => Float, {
    nullable: true,
    description: "Lowest accepted score, when the program states one: a decimal on the requirement's scale, e.g. 6.5",
  })
  @Column(SCORE_COLUMN)
  minimumScore: number | null;

  @Field(() => String, { nullable: true, description: "e.g. 'some programs require Step 3'" })
  @Column({ type: "text", nullable: true })
  note: string | null;
}

/** What ProgramRequirement's non-column fields read of the row (core/field-selection.ts). */
export const PROGRAM_REQUIREMENT_COLUMNS: ColumnMap = {
  fields: { requirement: ["requirementId"] },
  always: ["id", "programId", "requirementId"],
};
