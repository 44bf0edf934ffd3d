import type { EntityManager } from "typeorm";
import { archivedAtRule, EntityWrites } from "../../core/entity-writes";
import { requiredOnCreate } from "../../core/input-rules";
import { given, merged, pick, Problems } from "../../core/problems";
import type { Change, State, WriteModel } from "../../core/versioned-write";
import { ProgramRequirement } from "../program/program-requirement.entity";
import { Requirement } from "./requirement.entity";
import { RequirementImplication } from "./requirement-implication.entity";
import { impliedIds } from "./requirement-implications";
import { idListStore } from "../../core/link-stores";
import { RequirementInput } from "./requirement.input";
import { scoreRangeBreaches } from "./requirement.rules";

const EDITABLE = ["code", "name", "kind", "country", "description", "scoreMin", "scoreMax", "heldWhen"] as const;

export class RequirementWrites extends EntityWrites<Requirement, RequirementInput> {
  readonly model: WriteModel<Requirement> = {
    typeName: "Requirement",
    audit: this.audit,
    entity: Requirement,
    columns: [...EDITABLE, "archivedAt"],
    unique: ["code"],
    relations: { implies: idListStore(RequirementImplication, "requirementId", "impliedId") },
    references: { implies: { entityType: "Requirement" } },
  };
  protected readonly archiveRule = archivedAtRule<Requirement>();
  protected readonly required = requiredOnCreate(RequirementInput);

  protected async prepare(
    m: EntityManager,
    input: RequirementInput,
    current: State<Requirement> | null,
  ): Promise<Change<Requirement>> {
    const problems = new Problems();
    const min = merged(input, current?.row ?? null, "scoreMin");
    const max = merged(input, current?.row ?? null, "scoreMax");
    const blame = given(input, "scoreMax") ? "scoreMax" : "scoreMin";
    problems.addBreaches(
      ["input"],
      scoreRangeBreaches({ scoreMin: min, scoreMax: max }, (f) => given(input, f)),
    );
    // A narrower range must still hold every minimum score programs already ask for.
    if (
      current &&
      problems.empty &&
      (given(input, "scoreMin") || given(input, "scoreMax")) &&
      (min !== null || max !== null)
    ) {
      const qb = m
        .createQueryBuilder(ProgramRequirement, "pr")
        .where("pr.requirementId = :id", { id: current.row.id })
        .andWhere("pr.minimumScore IS NOT NULL");
      const below = min !== null ? "pr.minimumScore < :min" : null;
      const above = max !== null ? "pr.minimumScore > :max" : null;
      qb.andWhere(`(${[below, above].filter(Boolean).join(" OR ")})`, { min, max });
      const outside = await qb.getCount();
      if (outside > 0)
        problems.add(
          ["input", blame],
          `${outside} program(s) ask for a minimum score outside ${min ?? "…"}..${max ?? "…"}; change them first`,
        );
    }
    const change: Change<Requirement> = { values: pick(input, EDITABLE) as Partial<Requirement> };
    if (given(input, "impliesCodes")) {
      const implied = await impliedIds(m, input.impliesCodes ?? [], current?.row.id ?? null, problems);
      change.relations = { implies: implied };
    }
    problems.throwIfAny();
    return change;
  }
}
