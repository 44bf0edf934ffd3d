/**
 * The limits of every write's input (lengths, patterns, ranges, required fields), read from the
 * class-validator rules and type-graphql fields that the server itself enforces, and printed as
 * admin/src/gql/input-limits.ts (npm run limits:emit), so the admin's form validators never hold a
 * second copy. tests/input-limits.test.ts fails when the committed file differs from what this prints.
 */
import { getMetadataStorage as validationStorage } from "class-validator";
import type { ValidationMetadata } from "class-validator/types/metadata/ValidationMetadata";
import { getNamedType, isInputObjectType, type GraphQLInputObjectType, type GraphQLSchema } from "graphql";
import { getMetadataStorage as graphqlStorage } from "type-graphql";
import { requiredOnCreate } from "../core/input-rules";
import { buildDirectorySchema } from "./schema";

/** What the admin needs to know of one field. Printed into the generated file as `FIELD_LIMITS_TYPE`. */
export interface FieldLimits {
  required?: true;
  requiredOnCreate?: true;
  minLength?: number;
  maxLength?: number;
  patterns?: string[];
  integer?: true;
  /** At most this many decimal places (a decimal number such as a score). */
  decimals?: number;
  min?: number;
  max?: number;
  email?: true;
  httpUrl?: true;
  maxItems?: number;
}

const FIELD_LIMITS_TYPE = `export interface FieldLimits {
  /** Non-null in the SDL: every write sends it. */
  required?: true;
  /** A creation must give it (and an update cannot clear it). */
  requiredOnCreate?: true;
  minLength?: number;
  maxLength?: number;
  /** JavaScript regular expressions (no flags) the value must match. */
  patterns?: readonly string[];
  integer?: true;
  /** At most this many decimal places (a decimal number such as a score). */
  decimals?: number;
  min?: number;
  max?: number;
  email?: true;
  /** A full http:// or https:// URL. */
  httpUrl?: true;
  maxItems?: number;
}`;

export type InputLimits = Record<string, Record<string, FieldLimits>>;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator and type-graphql key their metadata by constructor
type InputClass = Function;

/** How each class-validator rule reads as a limit. */
const RULES: Record<string, (limits: FieldLimits, constraints: unknown[], where: string) => void> = {
  maxLength: (l, [max]) => (l.maxLength = Number(max)),
  minLength: (l, [min]) => (l.minLength = Number(min)),
  max: (l, [max]) => (l.max = Number(max)),
  min: (l, [min]) => (l.min = Number(min)),
  isInt: (l) => (l.integer = true),
  isNumber: (l, [options], where) => {
    const { maxDecimalPlaces } = (options ?? {}) as { maxDecimalPlaces?: number };
    if (maxDecimalPlaces === undefined) throw new Error(`${where}: a number without maxDecimalPlaces is not described`);
    l.decimals = maxDecimalPlaces;
  },
  isEmail: (l) => (l.email = true),
  arrayMaxSize: (l, [max]) => (l.maxItems = Number(max)),
  matches: (l, [pattern, modifiers], where) => {
    const regex =
      pattern instanceof RegExp ? pattern : new RegExp(String(pattern), modifiers ? String(modifiers) : undefined);
    if (regex.flags)
      throw new Error(`${where}: pattern /${regex.source}/${regex.flags} has flags the admin's limits cannot carry`);
    l.patterns = [...(l.patterns ?? []), regex.source];
  },
  isUrl: (l, [options], where) => {
    const { protocols, require_protocol } = (options ?? {}) as { protocols?: string[]; require_protocol?: boolean };
    if (!require_protocol || String(protocols) !== "http,https")
      throw new Error(`${where}: only full http(s) URLs are described`);
    l.httpUrl = true;
  },
};

/**
 * Rules that limit nothing a form field could check on its own: types the form's input already
 * gives, ids chosen from lists, enums chosen from menus, nested inputs described by their own class.
 * A rule in neither list stops the emitter, so a new kind of limit cannot silently stay server-only.
 */
const NOT_LIMITS = new Set([
  "isOptional",
  "isString",
  "isBoolean",
  "isDate",
  "isLocalDate",
  "isEnum",
  "isEntityId",
  "isWellFormedText",
  "nestedValidation",
  // A multi-select cannot pick a value twice; the admin's visa menu leaves NONE out.
  "arrayUnique",
  "noNoneVisa",
]);

/** The limits of one input (or arguments) class: its own fields and those it inherits. */
export function limitsOfClass(target: InputClass): Record<string, FieldLimits> {
  const graphql = graphqlStorage();
  const chain: InputClass[] = [];
  for (let c: InputClass | null = target; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  const fields = new Map(
    chain.reverse().flatMap((c) => graphql.fields.filter((f) => f.target === c).map((f) => [f.name, f] as const)),
  );
  const rules = validationStorage().getTargetValidationMetadatas(target, "", true, false);
  const onCreate = new Set<string>(requiredOnCreate(target as abstract new () => unknown));
  const result: Record<string, FieldLimits> = {};
  for (const field of [...fields.values()].sort((a, b) => a.schemaName.localeCompare(b.schemaName))) {
    const limits: FieldLimits = {};
    const { nullable, defaultValue } = field.typeOptions;
    if (!nullable && defaultValue === undefined) limits.required = true;
    if (onCreate.has(field.name)) limits.requiredOnCreate = true;
    for (const rule of rules.filter((r: ValidationMetadata) => r.propertyName === field.name)) {
      const name = rule.name ?? rule.type;
      const where = `${target.name}.${field.name} (@${name})`;
      if (NOT_LIMITS.has(name)) continue;
      const read = RULES[name];
      if (!read)
        throw new Error(`${where}: a rule the admin's limits do not describe; teach composition/input-limits.ts`);
      if (rule.each) throw new Error(`${where}: rules on each item of a list are not described`);
      read(limits, rule.constraints ?? [], where);
    }
    if (Object.keys(limits).length > 0) result[field.schemaName] = limits;
  }
  return result;
}

/** Every input object type a mutation takes, however deeply nested. */
function mutationInputTypes(schema: GraphQLSchema): GraphQLInputObjectType[] {
  const found = new Map<string, GraphQLInputObjectType>();
  const visit = (type: GraphQLInputObjectType): void => {
    if (found.has(type.name)) return;
    found.set(type.name, type);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named)) visit(named);
    }
  };
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) visit(named);
    }
  }
  return [...found.values()];
}

/** The limits of every mutation's input types (by GraphQL name) and @ArgsType classes (by class name). */
export async function buildInputLimits(): Promise<InputLimits> {
  const schema = await buildDirectorySchema();
  const graphql = graphqlStorage();
  const classes = new Map<string, InputClass>();
  for (const type of mutationInputTypes(schema)) {
    const meta = graphql.inputTypes.find((t) => t.name === type.name);
    if (!meta) throw new Error(`input type ${type.name} has no type-graphql class`);
    classes.set(type.name, meta.target);
  }
  for (const mutation of graphql.mutations) {
    for (const param of mutation.params ?? []) {
      if (param.kind !== "args") continue;
      const target = param.getType() as InputClass;
      if (classes.has(target.name) && classes.get(target.name) !== target)
        throw new Error(`two classes are named ${target.name}`);
      classes.set(target.name, target);
    }
  }
  const limits: InputLimits = {};
  for (const [name, target] of [...classes].sort(([a], [b]) => a.localeCompare(b))) {
    const fields = limitsOfClass(target);
    if (Object.keys(fields).length > 0) limits[name] = fields;
  }
  return limits;
}

/** The order a field's limits are printed in, whatever order the decorators ran in. */
const KEY_ORDER: (keyof FieldLimits)[] = [
  "required",
  "requiredOnCreate",
  "minLength",
  "maxLength",
  "patterns",
  "integer",
  "decimals",
  "min",
  "max",
  "email",
  "httpUrl",
  "maxItems",
];

function printField(name: string, limits: FieldLimits): string {
  const entries = KEY_ORDER.filter((k) => limits[k] !== undefined).map((k) => `${k}: ${JSON.stringify(limits[k])}`);
  return `    ${name}: { ${entries.join(", ")} },`;
}

/** The generated admin/src/gql/input-limits.ts: one line a field, so a changed limit is a one-line diff. */
export function printInputLimits(limits: InputLimits): string {
  const types = Object.entries(limits).flatMap(([type, fields]) => [
    `  ${type}: {`,
    ...Object.entries(fields).map(([name, field]) => printField(name, field)),
    "  },",
  ]);
  return [
    "// Generated by `npm run limits:emit` from the server's input classes (server/src/composition/input-limits.ts).",
    "// Do not edit: change the rule on the server and run the command again.",
    "",
    FIELD_LIMITS_TYPE,
    "",
    "export const inputLimits = {",
    ...types,
    "} as const satisfies Record<string, Record<string, FieldLimits>>;",
    "",
  ].join("\n");
}
