/**
 * French translations of a record's English text, kept in columns beside the English ones
 * (`title` / `titleFr`), and the two dates that tell whether a translation is older than the
 * text it translates. Every write stamps them (core/versioned-write.ts calls `stamp`), so the
 * API, the admin, a revert and the CLI all keep them alike.
 */
import type { FieldColumns } from "./field-selection";

/** The translation bookkeeping every translated record has. */
export interface TranslationDates {
  /** When the French text last changed or was checked; null while the record has none (or it came undated). */
  translationUpdatedAt: Date | null;
  /** When the English text last changed while the record had a translation. */
  sourceTextUpdatedAt: Date | null;
}

/** An English column and the column holding its French translation. */
export interface TranslatedField<T> {
  source: keyof T & string;
  translation: keyof T & string;
}

const hasText = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";
const sameText = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

/**
 * The dates a write sets, from the values it changes and the row before it (null on creation):
 * a change of French text dates the translation (or clears both dates when no French is left); a
 * change of English text dates the source text when the record has French text to go stale.
 * English and French changed together are equally new, so the translation is current.
 */
export function translationStamps<T extends TranslationDates>(
  fields: readonly TranslatedField<T>[],
): (values: Partial<T>, before: T | null, now?: Date) => Partial<TranslationDates> {
  return (values, before, now = new Date()) => {
    const changed = (column: keyof T & string) => column in values && !sameText(values[column], before?.[column]);
    const after = (column: keyof T & string) => (column in values ? values[column] : before?.[column]);
    const stamps: Partial<TranslationDates> = {};
    const translated = fields.some((f) => hasText(after(f.translation)));
    // A check of the translation (`translationChecked`) made with this write is as new as its English.
    if (values.translationUpdatedAt) stamps.translationUpdatedAt = now;
    if (fields.some((f) => changed(f.translation))) stamps.translationUpdatedAt = translated ? now : null;
    if (translated && fields.some((f) => changed(f.source))) stamps.sourceTextUpdatedAt = now;
    // No French left: nothing can be stale, whatever happened before.
    if (!translated && fields.some((f) => changed(f.translation))) stamps.sourceTextUpdatedAt = null;
    return stamps;
  };
}

/**
 * Whether a record's translation is older than its English text: the English changed while there
 * was French (`sourceTextUpdatedAt`), and the French has not changed or been checked since. French
 * without a date (the sample directory's, or an older snapshot's) counts as older than any change.
 */
export function isTranslationStale(row: Partial<TranslationDates>): boolean {
  const source = row.sourceTextUpdatedAt;
  if (!source) return false;
  const translated = row.translationUpdatedAt;
  return !translated || new Date(translated).getTime() < new Date(source).getTime();
}

/** SQL for "the translation of `alias` is stale" (or, `stale` false, "is not"); both dialects. */
export function translationStaleSql(alias: string, stale: boolean): string {
  const condition = `(${alias}.sourceTextUpdatedAt IS NOT NULL AND (${alias}.translationUpdatedAt IS NULL OR ${alias}.translationUpdatedAt < ${alias}.sourceTextUpdatedAt))`;
  return stale ? condition : `NOT ${condition}`;
}

/** What a write's `translationChecked: true` sets: the French text is current as of now. */
export function checkedTranslation(input: { translationChecked?: boolean | null }): Partial<TranslationDates> {
  return input.translationChecked === true ? { translationUpdatedAt: new Date() } : {};
}

/**
 * The column-map entries (core/field-selection.ts) of a record's translated text fields: each
 * field, e.g. `title`, and its `titleLocale` read the English column and its French `titleFr`;
 * `translationStale` reads the translation's dates.
 */
export function translatedTextColumns(...fields: string[]): FieldColumns {
  const columns: Record<string, readonly string[]> = {};
  for (const field of fields) {
    columns[field] = [field, `${field}Fr`];
    columns[`${field}Locale`] = [field, `${field}Fr`];
  }
  const dates: (keyof TranslationDates)[] = ["translationUpdatedAt", "sourceTextUpdatedAt"];
  columns.translationStale = dates;
  return columns;
}
