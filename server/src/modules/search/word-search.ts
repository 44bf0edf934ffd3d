import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { likeContains, parseSearch } from "./search-terms";

let seq = 0;

/** Accented letters and their plain forms: the same list PostgreSQL's directory_fold() uses (a migration). */
const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy";

/**
 * `column` lower-cased with its accents folded, in SQL: PostgreSQL has directory_fold(); SQLite
 * has neither translate() nor a Unicode-aware lower(), so it replaces each accented letter (the
 * catalogue tables this searches are small).
 */
export function foldedSql(dialect: "sqlite" | "postgres", column: string): string {
  if (dialect === "postgres") return `directory_fold(${column})`;
  let sql = column;
  for (let i = 0; i < ACCENTED.length; i++) sql = `REPLACE(${sql}, '${ACCENTED[i]}', '${PLAIN[i]}')`;
  return `LOWER(${sql})`;
}

/**
 * Search for the small catalogue tables (institutions, requirements, specialties, pathways): every word of
 * `text` must appear, case- and accent-insensitively, in one of `columns`. Words reach SQL only as bound LIKE
 * patterns with their wildcards escaped. Text without any word does not filter.
 */
export function applyWordSearch<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: string[],
  text: string | null | undefined,
): void {
  const search = parseSearch(text);
  if (!search) return;
  const dialect = qb.connection.options.type === "postgres" ? "postgres" : "sqlite";
  for (const term of search.terms) {
    const p = `ws${(seq = (seq + 1) % 1_000_000)}`;
    qb.andWhere(
      new Brackets((b) => {
        for (const column of columns)
          b.orWhere(`${foldedSql(dialect, column)} LIKE :${p} ESCAPE '\\'`, { [p]: likeContains(term) });
      }),
    );
  }
}
