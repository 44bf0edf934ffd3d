import type { ResourceConfig } from "./resources";
import { SchemaIndex, namedType } from "./schema-index";
import type { IntrospectionInputValue } from "graphql";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** One form value in the API's shape: '' → null, dates → ISO date-times, numeric strings → numbers. */
function normalizeValue(value: unknown, field: IntrospectionInputValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (value === "") return null;
  if (value instanceof Date) return value.toISOString();
  const type = field ? namedType(field.type) : undefined;
  if (type === "DateTimeISO" && typeof value === "string" && DATE_ONLY.test(value)) {
    // A date picked in the curator's calendar: local midnight, so it reads back as the same day.
    return new Date(`${value}T00:00:00`).toISOString();
  }
  if ((type === "Int" || type === "Float") && typeof value === "string") return Number(value);
  return value;
}

/** Every editable field of `data` the input type has, in the API's shape. */
export function toInput(
  schema: SchemaIndex,
  config: ResourceConfig,
  data: Record<string, unknown>,
  inputType: string | undefined,
): Record<string, unknown> {
  const typeFields = inputType ? schema.inputFields(inputType) : undefined;
  const out: Record<string, unknown> = {};
  for (const key of config.inputFields ?? []) {
    if (!(key in data)) continue;
    if (typeFields && schema.type(inputType!) && !typeFields.has(key)) continue;
    const convert = config.toInputValue?.[key];
    const value = convert ? convert(data[key]) : normalizeValue(data[key], typeFields?.get(key));
    if (key === "password" && !value) continue; // an empty password box means "leave it as it is"
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The input for `createX`: unset fields are left to the server's defaults. */
export function createInput(schema: SchemaIndex, config: ResourceConfig, data: Record<string, unknown>, inputType?: string) {
  const input = toInput(schema, config, data, inputType);
  for (const [k, v] of Object.entries(input)) if (v === null || (Array.isArray(v) && v.length === 0 && k !== "requirements")) delete input[k];
  return input;
}

/** The input for `updateX`: only the fields that differ from the record as it was loaded. */
export function updateInput(
  schema: SchemaIndex,
  config: ResourceConfig,
  data: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
  inputType?: string,
): Record<string, unknown> {
  const next = toInput(schema, config, data, inputType);
  if (!previous) return next;
  const before = toInput(schema, config, previous, inputType);
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify(before[k] ?? null)) changed[k] = v;
  }
  return changed;
}
