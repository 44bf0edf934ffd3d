import type { EntityManager } from "typeorm";
import { archivedAtRule, EntityWrites } from "../../core/entity-writes";
import { requiredOnCreate } from "../../core/input-rules";
import { pick } from "../../core/problems";
import type { Change, WriteModel } from "../../core/versioned-write";
import { Specialty } from "./specialty.entity";
import { SpecialtyInput } from "./specialty.input";

export class SpecialtyWrites extends EntityWrites<Specialty, SpecialtyInput> {
  readonly model: WriteModel<Specialty> = {
    typeName: "Specialty",
    audit: this.audit,
    entity: Specialty,
    columns: ["slug", "name", "archivedAt"],
    unique: ["slug"],
  };
  protected readonly archiveRule = archivedAtRule<Specialty>();
  protected readonly required = requiredOnCreate(SpecialtyInput);

  protected async prepare(_m: EntityManager, input: SpecialtyInput): Promise<Change<Specialty>> {
    return { values: pick(input, ["slug", "name"]) as Partial<Specialty> };
  }
}
