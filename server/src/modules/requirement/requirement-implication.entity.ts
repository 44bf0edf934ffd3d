import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Column } from "typeorm";
import { Requirement } from "./requirement.entity";

/**
 * Holding one catalogue entry counts as holding another (ECFMG certification implies USMLE Step 1
 * and Step 2 CK, which certification needs). Curated with the requirement; never cyclic.
 */
@Entity("requirement_implications")
@Index("UQ_requirement_implications_pair", ["requirementId", "impliedId"], { unique: true })
export class RequirementImplication {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "integer" })
  requirementId: number;

  // Implications belong to the requirement that implies and go with it.
  @ManyToOne(() => Requirement, { onDelete: "CASCADE" })
  @JoinColumn({ name: "requirementId", foreignKeyConstraintName: "FK_requirement_implications_requirement" })
  requirement?: Requirement;

  @Index("IDX_requirement_implications_implied")
  @Column({ type: "integer" })
  impliedId: number;

  // An implied entry in use by an implication cannot be deleted out from under it.
  @ManyToOne(() => Requirement, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "impliedId", foreignKeyConstraintName: "FK_requirement_implications_implied" })
  implied?: Requirement;
}
