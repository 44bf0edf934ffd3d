/**
 * Form and filter values → the API's shapes. Each resource maps every input and filter field it
 * sends to one of these, typed by the generated input types (admin/src/gql): a field the server
 * renames or retypes fails `tsc -p admin`.
 */
import type { VisaType } from "../gql/graphql";

export type Converter<T> = (value: unknown) => T | null | undefined;
/** How each field of an input or filter type is read from react-admin's values. */
export type Converters<T> = { [K in keyof T]?: Converter<NonNullable<T[K]>> };
/**
 * Every field of a mutation's input type, for the maps create and update send: `convert` sends only
 * the fields its map names, so a field the form edits but the map forgot would be dropped silently.
 */
export type InputConverters<T> = { [K in keyof T]-?: Converter<NonNullable<T[K]>> };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** '' → null, undefined stays undefined (the field is not sent), anything else goes on to `convert`. */
const blankOr =
  <T>(convert: (value: unknown) => T | null): Converter<T> =>
  (value) =>
    value === undefined ? undefined : value === "" || value === null ? null : convert(value);

export const text: Converter<string> = blankOr((v) => String(v));
export const flag: Converter<boolean> = blankOr((v) => Boolean(v));
export const int: Converter<number> = blankOr((v) => (typeof v === "number" ? v : Number(v)));
/** A decimal such as a score (6.5): the same conversion, named for what the field holds. */
export const decimal: Converter<number> = int;
/** An enum value or id the form picked from the API's own choices. */
export const choice = <T extends string>(): Converter<T> => blankOr((v) => String(v) as T);

/**
 * A day (the API's LocalDate, "YYYY-MM-DD"): a date input gives that text, sent as it is, so the
 * day the curator picked is the day stored whatever the browser's time zone. A Date (a picker
 * that gives one) is read in the curator's calendar.
 */
export const day: Converter<string> = blankOr((v) => {
  if (!(v instanceof Date)) return String(v);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
});

/** A deprecated input field the admin no longer sends (its replacement is sent instead). */
export const notSent: Converter<never> = () => undefined;

/** Filters: a single value (a text box, a reference target) is wrapped for list-typed fields. */
export const listOf =
  <T>(item: (value: unknown) => T = (v) => v as T): Converter<T[]> =>
  (value) =>
    (Array.isArray(value) ? value : [value]).map(item);

/** A filter instant: a date-only value means local midnight, anything Date can read becomes ISO. */
export const instant: Converter<string> = blankOr((v) => {
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  if (Number.isNaN(Date.parse(s))) return s;
  return DATE_ONLY.test(s) ? new Date(`${s}T00:00:00`).toISOString() : new Date(s).toISOString();
});

export const idList: Converter<string[]> = (ids) => (Array.isArray(ids) ? ids.map(String) : []);

/** An empty password box means "leave it as it is": the field is not sent. */
export const password: Converter<string> = (v) => (v ? String(v) : undefined);

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/** The fields of `values` that `converters` knows, converted; unknown keys are not sent. */
export function convert<T>(converters: Converters<T>, values: Record<string, unknown>, options: { skipEmpty?: boolean } = {}): Partial<T> {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(converters) as (keyof T & string)[]) {
    if (!(key in values)) continue;
    if (options.skipEmpty && isEmpty(values[key])) continue;
    const value = converters[key]!(values[key]);
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<T>;
}

/** The input for `createX`: unset fields are left to the server's defaults (an empty requirement list is sent). */
export function createInput<T>(converters: Converters<T>, data: Record<string, unknown>): Partial<T> {
  const input = convert(converters, data) as Record<string, unknown>;
  for (const [k, v] of Object.entries(input)) if (v === null || (Array.isArray(v) && v.length === 0 && k !== "requirements")) delete input[k];
  return input as Partial<T>;
}

/** The input for `updateX`: only the fields that differ from the record as it was loaded. */
export function updateInput<T>(converters: Converters<T>, data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Partial<T> {
  const next = convert(converters, data);
  if (!previous) return next;
  const before = convert(converters, previous) as Record<string, unknown>;
  const changed: Partial<T> = {};
  for (const [k, v] of Object.entries(next) as [keyof T & string, T[keyof T & string]][]) {
    if (JSON.stringify(v) !== JSON.stringify(before[k] ?? null)) changed[k] = v;
  }
  return changed;
}

/** The visa menu: nothing picked is "not said" (null), NONE alone is "sponsors none" ([]). */
export const sponsoredVisas: Converter<VisaType[]> = (value) => {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value.map(String) : [];
  if (list.length === 0) return null;
  return list.includes("NONE") ? [] : (list as VisaType[]);
};

/** A list of codes picked from the catalogue. */
export const codeList: Converter<string[]> = (value) =>
  value === undefined ? undefined : Array.isArray(value) ? value.map(String) : [];
