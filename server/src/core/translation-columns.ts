/**
 * The French-text columns translated records share (institutions, pathways, requirements,
 * programs), declared once: each record keeps them where it lists them, so column and field
 * order stay its own. What they mean and how writes stamp them: core/translation.ts.
 */
import { Field } from "type-graphql";
import { Column } from "typeorm";
import { stacked } from "./sourced-input";

/** The French translation of the English column `source`, stored as that column is (varchar of `length`, or text). */
export function FrenchTextColumn(source: string, length: number | "text"): PropertyDecorator {
  return stacked(
    Field(() => String, {
      nullable: true,
      description: `The French translation of \`${source}\`, as entered (null: none)`,
    }),
    Column(length === "text" ? { type: "text", nullable: true } : { type: "varchar", length, nullable: true }),
  );
}

/** `translationUpdatedAt` (core/translation.ts `TranslationDates`). */
export function TranslationUpdatedAtColumn(): PropertyDecorator {
  return stacked(
    Field(() => Date, { nullable: true, description: "When the French text last changed; null while there is none" }),
    Column({ type: Date, nullable: true }),
  );
}

/** `sourceTextUpdatedAt` (core/translation.ts `TranslationDates`). */
export function SourceTextUpdatedAtColumn(): PropertyDecorator {
  return stacked(
    Field(() => Date, {
      nullable: true,
      description: "When the English text last changed while a French translation existed",
    }),
    Column({ type: Date, nullable: true }),
  );
}
