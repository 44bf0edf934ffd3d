import { In, type EntityManager } from "typeorm";
import type { RequirementLevel } from "../../core/enums";
import type { Problems } from "../../core/problems";
import { Requirement } from "./requirement.entity";
import { scoreBreach } from "./requirement.rules";

export interface RequirementLinkInput {
  requirementId: string;
  level: RequirementLevel;
  note?: string | null;
  minimumScore?: number | null;
}

/**
 * Checks a whole new list of requirement links (a program's or a pathway's): every requirement
 * exists, none appears twice, and a minimum score is a score of the requirement's scale (a SCORED
 * requirement, within scoreMin..scoreMax, on scoreStep: requirement.rules.ts).
 * Problems name the item, e.g. ["input", "requirements", "2", "minimumScore"].
 */
export async function checkRequirementLinks(
  m: EntityManager,
  links: RequirementLinkInput[],
  problems: Problems,
): Promise<void> {
  const ids = links.map((l) => Number(l.requirementId));
  const found = new Map((await m.find(Requirement, { where: { id: In([...new Set(ids)]) } })).map((r) => [r.id, r]));
  const seen = new Set<number>();
  links.forEach((link, i) => {
    const path = ["input", "requirements", String(i)];
    const id = ids[i];
    const requirement = found.get(id);
    if (!requirement) {
      problems.add([...path, "requirementId"], `there is no requirement ${link.requirementId}`);
      return;
    }
    if (seen.has(id))
      problems.add([...path, "requirementId"], `requirement ${requirement.code} is listed more than once`);
    seen.add(id);
    const breach = scoreBreach(requirement, link.minimumScore, "minimumScore");
    if (breach) problems.addBreaches(path, [breach]);
  });
}
