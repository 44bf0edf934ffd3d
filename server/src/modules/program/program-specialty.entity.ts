import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Specialty } from "../specialty/specialty.entity";
import { Program } from "./program.entity";

/** Join table between programs and specialties, mapped explicitly so loaders can batch over it. */
@Entity("program_specialties")
export class ProgramSpecialty {
  @PrimaryColumn({ type: "integer" })
  programId: number;

  @Index("IDX_program_specialties_specialty")
  @PrimaryColumn({ type: "integer" })
  specialtyId: number;

  @ManyToOne(() => Program, { onDelete: "CASCADE" })
  @JoinColumn({ name: "programId", foreignKeyConstraintName: "FK_program_specialties_program" })
  program?: Program;

  // A specialty in use cannot be hard-deleted; it is archived instead.
  @ManyToOne(() => Specialty, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "specialtyId", foreignKeyConstraintName: "FK_program_specialties_specialty" })
  specialty?: Specialty;
}
