// The browser build: the default one needs Node's Buffer.
import { stringify } from "csv-stringify/browser/esm/sync";
import type { RaRecord } from "react-admin";

/**
 * CSV exports hold what a list shows: one column per list column, headed by its label, with names
 * and labels rather than ids and enum values (RFC 4180 by csv-stringify, the library the snapshots use).
 */
export interface CsvColumn {
  /** i18n key of the header: the list column's label. */
  label: string;
  value(record: RaRecord, translate: Translate): string | number | null | undefined;
}
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A spreadsheet runs a cell beginning with = + - @, a tab or a carriage return as a formula (OWASP
 * "CSV injection"): such text, or text beginning with ', gets one ' in front, the rule of the
 * server's CSV snapshots (docs/SECURITY.md). Numbers are left as they are.
 */
const cell = (value: string | number | null | undefined) =>
  typeof value === "string" && /^[=+\-@\t\r']/.test(value) ? `'${value}` : (value ?? "");

const at = (record: RaRecord, path: string): unknown =>
  path.split(".").reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), record);

/** A field as it is (a name, a code). */
export const textColumn = (source: string, label: string): CsvColumn => ({
  label,
  value: (r) => {
    const v = at(r, source);
    return v == null ? "" : String(v);
  },
});

/** An enum value as its label, e.g. "Observership" for OBSERVERSHIP. */
export const enumColumn = (source: string, enumName: string, label: string): CsvColumn => ({
  label,
  value: (r, t) => {
    const v = at(r, source);
    return v == null ? "" : t(`directory.enums.${enumName}.${v}`, { _: String(v) });
  },
});

/** An instant as the curator's calendar day, YYYY-MM-DD (what spreadsheets read as a date). */
export const dayColumn = (source: string, label: string): CsvColumn => ({
  label,
  value: (r) => {
    const v = at(r, source);
    if (v == null || v === "") return "";
    const d = new Date(String(v));
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  },
});

export function csvOf(records: readonly RaRecord[], columns: readonly CsvColumn[], translate: Translate): string {
  const header = columns.map((c) => translate(c.label));
  return stringify([header, ...records.map((r) => columns.map((c) => cell(c.value(r, translate))))]);
}
