import { createHash } from "node:crypto";
import { foldAccents } from "../../core/locale";

/** At most this many words of a search take part; the rest are ignored. */
export const MAX_SEARCH_TERMS = 12;
const MAX_TERM_LENGTH = 40;

/**
 * English stop words (PostgreSQL's and Snowball's list). Full-text search drops them on both
 * databases alike: PostgreSQL's english configuration ignores them, and SQLite would otherwise
 * read "the" as "any word starting with the".
 */
const STOP_WORDS = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself " +
    "they them their theirs themselves what which who whom this that these those am is are was were be been being have has had " +
    "having do does did doing a an the and but if or because as until while of at by for with about against between into through " +
    "during before after above below to from up down in out on off over under again further then once here there when where why how " +
    "all any both each few more most other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/** A user's search text reduced to plain, accent-folded words: the only form that ever reaches SQL. */
export interface SearchTerms {
  /** Lower-case runs of letters and digits, deduplicated, in the order typed. */
  terms: string[];
  /** A short hash of the terms: relevance cursors carry it, so a cursor only continues its own search. */
  fingerprint: string;
}

/**
 * Splits search text into words (letters and digits in any script). Everything else (quotes,
 * operators, parentheses, colons, asterisks) is a separator, so no FTS5 or tsquery syntax can
 * come from the user. Null when the text holds no word at all (or, for full-text search, only
 * stop words).
 */
export function parseSearch(
  text: string | null | undefined,
  options: { dropStopWords?: boolean } = {},
): SearchTerms | null {
  if (!text) return null;
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    // Accents folded: both indexes fold them too, so "montréal" and "Montreal" find each other.
    .map(foldAccents)
    .filter((w) => !options.dropStopWords || !STOP_WORDS.has(w))
    .map((w) => w.slice(0, MAX_TERM_LENGTH));
  const terms = [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
  if (terms.length === 0) return null;
  const fingerprint = createHash("sha256").update(terms.join(" ")).digest("base64url").slice(0, 10);
  return { terms, fingerprint };
}

/** FTS5 query: every word, quoted (a quote inside is doubled), as a prefix; words are ANDed. */
export function fts5Query(search: SearchTerms): string {
  return search.terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(" ");
}

/** to_tsquery text: every word as a prefix (`word:*`), ANDed. Words hold only letters and digits. */
export function tsQuery(search: SearchTerms): string {
  return search.terms.map((t) => `${t.replace(/[^\p{L}\p{N}]/gu, "")}:*`).join(" & ");
}

/** A LIKE pattern that matches `term` anywhere, with LIKE's wildcards escaped (use ESCAPE '\'). */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Parses a search for the programs' full-text index. */
export const parseFullTextSearch = (text: string | null | undefined) => parseSearch(text, { dropStopWords: true });
