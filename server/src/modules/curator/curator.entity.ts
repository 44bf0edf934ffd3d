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

@ObjectType({ description: "A person who keeps the directory correct" })
@Entity("curators")
export class Curator {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased so that uniqueness is case-insensitive on every database. */
  @Authorized()
  @Field({ description: "Curators only (a public Program.verifiedBy shows the name)" })
  @Index("UQ_curators_email", { unique: true })
  @Column({ type: "varchar", length: 254 })
  email: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Authorized()
  @Field(() => CuratorRole, { description: "Curators only" })
  @Column({ type: "simple-enum", enum: CuratorRole })
  role: CuratorRole;

  @Authorized()
  @Field({ description: "False once disabled: a disabled curator cannot sign in and their sessions have ended. Curators only" })
  @Column({ type: "boolean", default: true })
  active: boolean;

  /** scrypt hash with its salt and parameters; never exposed through GraphQL. */
  @Column({ type: "varchar", length: 300 })
  passwordHash: string;

  @Authorized()
  @Field(() => Date, { nullable: true, description: "Curators only" })
  @Column({ type: Date, nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @UpdateDateColumn()
  updatedAt: Date;
}
