import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { RequirementLevel } from "../../core/enums";
import { Requirement } from "../requirement/requirement.entity";
import { Pathway } from "./pathway.entity";

@ObjectType({ simpleResolvers: true, description: "A requirement every applicant through a pathway must meet" })
@Entity("pathway_requirements")
@Index("UQ_pathway_requirements_pair", ["pathwayId", "requirementId"], { unique: true })
export class PathwayRequirement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "integer" })
  pathwayId: number;

  // Deleting a pathway takes its own requirement links with it.
  @ManyToOne(() => Pathway, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pathwayId", foreignKeyConstraintName: "FK_pathway_requirements_pathway" })
  pathway?: Pathway;

  @Index("IDX_pathway_requirements_requirement")
  @Column({ type: "integer" })
  requirementId: number;

  // A catalogue entry in use cannot be deleted out from under a pathway.
  @ManyToOne(() => Requirement, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "requirementId", foreignKeyConstraintName: "FK_pathway_requirements_requirement" })
  requirement?: Requirement;

  @Field(() => RequirementLevel)
  @Column({ type: "simple-enum", enum: RequirementLevel })
  level: RequirementLevel;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note: string | null;
}
