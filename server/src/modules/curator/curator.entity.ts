import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";

import { CuratorRole } from "../../core/roles";

export { CuratorRole };

/**
 * Anonymous readers reach a curator only as a program's verifiedBy, and see only the display
 * name there: every other field needs a curator's sign-in (UNAUTHENTICATED, and a null verifiedBy,
 * otherwise), so an account's id, dates and email never reach the public.
 */
@ObjectType({ description: "A person who keeps the directory correct. Anonymous readers see only the name" })
@Entity("curators")
export class Curator {
  @Authorized()
  @Field(() => ID, { description: "Curators only" })
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased so that uniqueness is case-insensitive on every database. */
  @Authorized()
  @Field({ description: "Curators only (a public Program.verifiedBy shows only the name)" })
  @Index("UQ_curators_email", { unique: true })
  @Column({ type: "varchar", length: 254 })
  email: string;

  @Field({ description: "Display name: the one field anonymous readers see (as Program.verifiedBy)" })
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Authorized()
  @Field(() => CuratorRole, { description: "Curators only" })
  @Column({ type: "simple-enum", enum: CuratorRole })
  role: CuratorRole;

  @Authorized()
  @Field({
    description: "False once disabled: a disabled curator cannot sign in and their sessions have ended. Curators only",
  })
  @Column({ type: "boolean", default: true })
  active: boolean;

  /** scrypt hash with its salt and parameters; never exposed through GraphQL. */
  @Column({ type: "varchar", length: 300 })
  passwordHash: string;

  @Authorized()
  @Field(() => Date, { nullable: true, description: "Curators only" })
  @Column({ type: Date, nullable: true })
  lastLoginAt: Date | null;

  @Authorized()
  @Field(() => Int, { description: "Curators only" })
  @VersionColumn()
  version: number;

  @Authorized()
  @Field({ description: "Curators only" })
  @CreateDateColumn()
  createdAt: Date;

  @Authorized()
  @Field({ description: "Curators only" })
  @UpdateDateColumn()
  updatedAt: Date;
}
