import type { EntityManager } from "typeorm";
import { archivedAtRule, EntityWrites } from "../../core/entity-writes";
import { requiredOnCreate } from "../../core/input-rules";
import { VERIFICATION_COLUMNS } from "../../core/provenance";
import { given, merged, pick, Problems } from "../../core/problems";
import { checkedTranslation, translationStamps } from "../../core/translation";
import type { Change, State, WriteModel } from "../../core/versioned-write";
import { Requirement } from "./requirement.entity";
import { RequirementImplication } from "./requirement-implication.entity";
import { impliedIds } from "./requirement-implications";
import { idListStore } from "../../core/link-stores";
import { RequirementInput } from "./requirement.input";
import { scoreScaleBreaches, type ScoreScale, type ScoreScaleField } from "./requirement.rules";
import { minimumsOffScale } from "./score-scale-change";
import { ScoreKind } from "./score-kind";

const EDITABLE = [
  "code",
  "name",
  "kind",
  "country",
  "description",
  "scoreKind",
  "scoreMin",
  "scoreMax",
  "scoreStep",
  "sourceUrl",
  "sourceNote",
  "nameFr",
  "descriptionFr",
  "heldWhen",
] as const;
const SCALE_FIELDS: readonly ScoreScaleField[] = ["scoreKind", "scoreMin", "scoreMax", "scoreStep"];

/** A creation that gives no scoreKind: SCORED when it gives a range or step (as before kinds existed), else NONE. */
function defaultScoreKind(input: RequirementInput): ScoreKind {
  const ranged = input.scoreMin != null || input.scoreMax != null || input.scoreStep != null;
  return ranged ? ScoreKind.SCORED : ScoreKind.NONE;
}

export class RequirementWrites extends EntityWrites<Requirement, RequirementInput> {
  readonly model: WriteModel<Requirement> = {
    typeName: "Requirement",
    audit: this.audit,
    entity: Requirement,
    stamp: translationStamps<Requirement>([
      { source: "name", translation: "nameFr" },
      { source: "description", translation: "descriptionFr" },
    ]),
    columns: [...EDITABLE, ...VERIFICATION_COLUMNS, "archivedAt"],
    unique: ["code"],
    references: { verifiedById: { entityType: "Curator" }, implies: { entityType: "Requirement" } },
    provenance: { notFacts: ["code", "sourceNote"] },
    relations: { implies: idListStore(RequirementImplication, "requirementId", "impliedId") },
  };
  protected readonly archiveRule = archivedAtRule<Requirement>();
  protected readonly required = requiredOnCreate(RequirementInput);

  /** An undo may not put back a scale that programs' minimums no longer fit either. */
  protected override async checkRevert(
    m: EntityManager,
    current: State<Requirement>,
    change: Change<Requirement>,
  ): Promise<void> {
    const changed = SCALE_FIELDS.filter((f) => f in change.values);
    if (changed.length === 0) return;
    const row = { ...current.row, ...change.values };
    const problems = new Problems();
    for (const breach of scoreScaleBreaches(row, () => true)) problems.add(["toEntry"], breach.message, breach.rule);
    if (problems.empty) {
      const off = await minimumsOffScale(m, row);
      if (off) problems.add(["toEntry"], off, "minimumScoresFitScale");
    }
    problems.throwIfAny();
  }

  protected async prepare(
    m: EntityManager,
    input: RequirementInput,
    current: State<Requirement> | null,
  ): Promise<Change<Requirement>> {
    const problems = new Problems();
    const row = current?.row ?? null;
    const scale: ScoreScale = {
      scoreKind: merged(input, row, "scoreKind") ?? defaultScoreKind(input),
      scoreMin: merged(input, row, "scoreMin"),
      scoreMax: merged(input, row, "scoreMax"),
      scoreStep: merged(input, row, "scoreStep"),
    };
    problems.addBreaches(
      ["input"],
      scoreScaleBreaches(scale, (f) => given(input, f)),
    );
    // A new scale must still hold every minimum score programs already ask for on it.
    const changed = SCALE_FIELDS.filter((f) => given(input, f) && row !== null && input[f] !== row[f]);
    if (row && problems.empty && changed.length > 0) {
      const off = await minimumsOffScale(m, { ...scale, id: row.id, code: merged(input, row, "code") ?? row.code });
      if (off) problems.add(["input", changed[0]], off, "minimumScoresFitScale");
    }
    const values = { ...(pick(input, EDITABLE) as Partial<Requirement>), ...checkedTranslation(input) };
    if (!current) values.scoreKind = scale.scoreKind;
    const change: Change<Requirement> = { values };
    if (given(input, "impliesCodes")) {
      const implied = await impliedIds(m, input.impliesCodes ?? [], current?.row.id ?? null, problems);
      change.relations = { implies: implied };
    }
    problems.throwIfAny();
    return change;
  }
}
