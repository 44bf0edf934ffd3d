import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { likeContains, parseSearch } from "./search-terms";

let seq = 0;

/**
 * Search for the small catalogue tables (institutions, requirements, specialties, pathways): every word of
 * `text` must appear, case-insensitively, in one of `columns`. Words reach SQL only as bound LIKE
 * patterns with their wildcards escaped. Text without any word does not filter.
 */
export function applyWordSearch<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: string[],
  text: string | null | undefined,
): void {
  const search = parseSearch(text);
  if (!search) return;
  for (const term of search.terms) {
    const p = `ws${(seq = (seq + 1) % 1_000_000)}`;
    qb.andWhere(
      new Brackets((b) => {
        for (const column of columns) b.orWhere(`LOWER(${column}) LIKE :${p} ESCAPE '\\'`, { [p]: likeContains(term) });
      }),
    );
  }
}
