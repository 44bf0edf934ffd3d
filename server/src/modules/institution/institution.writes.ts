import type { EntityManager } from "typeorm";
import { archivedAtRule, EntityWrites } from "../../core/entity-writes";
import { requiredOnCreate } from "../../core/input-rules";
import { VERIFICATION_COLUMNS } from "../../core/provenance";
import { pick } from "../../core/problems";
import { checkedTranslation, translationStamps } from "../../core/translation";
import type { Change, WriteModel } from "../../core/versioned-write";
import { Institution } from "./institution.entity";
import { InstitutionInput } from "./institution.input";

const EDITABLE = [
  "slug",
  "name",
  "kind",
  "country",
  "region",
  "city",
  "website",
  "description",
  "sourceUrl",
  "sourceNote",
  "nameFr",
  "descriptionFr",
] as const;

export class InstitutionWrites extends EntityWrites<Institution, InstitutionInput> {
  readonly model: WriteModel<Institution> = {
    typeName: "Institution",
    audit: this.audit,
    entity: Institution,
    stamp: translationStamps<Institution>([
      { source: "name", translation: "nameFr" },
      { source: "description", translation: "descriptionFr" },
    ]),
    columns: [...EDITABLE, ...VERIFICATION_COLUMNS, "archivedAt"],
    unique: ["slug"],
    references: { verifiedById: { entityType: "Curator" } },
    provenance: { notFacts: ["slug", "sourceNote"] },
  };
  protected readonly archiveRule = archivedAtRule<Institution>();
  protected readonly required = requiredOnCreate(InstitutionInput);

  protected async prepare(_m: EntityManager, input: InstitutionInput): Promise<Change<Institution>> {
    return { values: { ...(pick(input, EDITABLE) as Partial<Institution>), ...checkedTranslation(input) } };
  }
}
