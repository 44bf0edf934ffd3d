import { gql } from "@apollo/client";
import type { DocumentNode } from "graphql";
import { SchemaIndex, isListType, isRequired, namedType, typeString } from "./schema-index";

/**
 * What to select: a field name (a leaf, or an object whose leaves are then all selected), or
 * `{ field: nested selection }`. Names the server's type lacks are left out.
 */
export type Selection = ReadonlyArray<string | { readonly [field: string]: Selection }>;

export interface FieldCall {
  field: string;
  alias?: string;
  args?: Record<string, unknown>;
  select: Selection;
}

export interface BuiltOperation {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

/** The server has no such query or mutation (its branch is not deployed yet, or the name changed). */
export class MissingOperationError extends Error {
  override name = "MissingOperationError";
  constructor(
    readonly kind: "query" | "mutation",
    readonly field: string,
  ) {
    super(`The server has no ${kind} "${field}"; the admin needs a newer server`);
  }
}

const MAX_AUTO_DEPTH = 3;

/** Builds one operation of one or more root fields, each argument declared with the server's own type. */
export function buildOperation(
  schema: SchemaIndex,
  kind: "query" | "mutation",
  name: string,
  calls: FieldCall[],
): BuiltOperation {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const fields = calls.map((call) => {
    const root = schema.root(kind, call.field);
    if (!root) throw new MissingOperationError(kind, call.field);
    const argText: string[] = [];
    for (const [argName, value] of Object.entries(call.args ?? {})) {
      if (value === undefined) continue;
      const def = root.args.find((a) => a.name === argName);
      if (!def) {
        warnOnce(`${call.field}(${argName})`, `The server's ${call.field} takes no "${argName}" argument: it was left out`);
        continue;
      }
      const variable = `${call.alias ?? call.field}_${argName}`;
      declarations.push(`$${variable}: ${typeString(def.type)}`);
      variables[variable] = value;
      argText.push(`${argName}: $${variable}`);
    }
    for (const def of root.args) {
      if (isRequired(def.type) && def.defaultValue == null && !(call.args && call.args[def.name] !== undefined)) {
        throw new Error(`${call.field} needs the "${def.name}" argument`);
      }
    }
    const head = `${call.alias ? `${call.alias}: ` : ""}${call.field}${argText.length ? `(${argText.join(", ")})` : ""}`;
    const returnType = namedType(root.type);
    return schema.isLeaf(root.type) ? head : `${head} { ${renderSelection(schema, returnType, call.select, 0)} }`;
  });
  const header = `${kind} ${name}${declarations.length ? `(${declarations.join(", ")})` : ""}`;
  return { query: gql(`${header} { ${fields.join(" ")} }`), variables };
}

function renderSelection(schema: SchemaIndex, typeName: string, selection: Selection, depth: number): string {
  const fields = schema.fields(typeName);
  const parts: string[] = [];
  for (const item of selection) {
    if (typeof item === "string") {
      if (item === "*") {
        parts.push(autoSelection(schema, typeName, depth, MAX_AUTO_DEPTH));
        continue;
      }
      const f = fields.get(item);
      if (!f || hasRequiredArgs(f.args)) continue;
      if (schema.isLeaf(f.type)) parts.push(item);
      else {
        const nested = autoSelection(schema, namedType(f.type), depth + 1, depth + 2);
        if (nested) parts.push(`${item} { ${nested} }`);
      }
      continue;
    }
    for (const [name, nested] of Object.entries(item)) {
      const f = fields.get(name);
      if (!f || hasRequiredArgs(f.args)) continue;
      if (schema.isLeaf(f.type)) {
        parts.push(name);
        continue;
      }
      const inner = renderSelection(schema, namedType(f.type), nested, depth + 1);
      if (inner) parts.push(`${name} { ${inner} }`);
    }
  }
  if (!parts.includes("id") && fields.has("id") && depth === 0) parts.unshift("id");
  return [...new Set(parts)].filter(Boolean).join(" ") || "__typename";
}

/** Every leaf of a type, and (to a limit) the leaves of its object fields: for shapes only the server knows. */
function autoSelection(schema: SchemaIndex, typeName: string, depth: number, maxDepth: number): string {
  const parts: string[] = [];
  for (const [name, f] of schema.fields(typeName)) {
    if (hasRequiredArgs(f.args) || f.args.length > 0) continue;
    if (schema.isLeaf(f.type)) parts.push(name);
    else if (depth < maxDepth) {
      const nested = autoSelection(schema, namedType(f.type), depth + 1, maxDepth);
      if (nested) parts.push(`${name} { ${nested} }`);
    }
  }
  return parts.join(" ");
}

function hasRequiredArgs(args: readonly { type: Parameters<typeof isRequired>[0]; defaultValue?: string | null }[]): boolean {
  return args.some((a) => isRequired(a.type) && a.defaultValue == null);
}

/** Keeps only the keys an input object type has; wraps single values for list-typed fields. */
export function fitInput(schema: SchemaIndex, inputType: string | undefined, value: Record<string, unknown>): Record<string, unknown> {
  if (!inputType || !schema.type(inputType)) return value;
  const fields = schema.inputFields(inputType);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const f = fields.get(key);
    if (!f) {
      warnOnce(`${inputType}.${key}`, `The server's ${inputType} has no "${key}" field: it was left out`);
      continue;
    }
    out[key] = isListType(f.type) && v !== null && v !== undefined && !Array.isArray(v) ? [v] : v;
  }
  return out;
}

/** The named input type of a root field's argument, e.g. `ProgramFilter` for programs(filter:). */
export function argType(schema: SchemaIndex, kind: "query" | "mutation", field: string, arg: string): string | undefined {
  const def = schema.root(kind, field)?.args.find((a) => a.name === arg);
  return def ? namedType(def.type) : undefined;
}

const warned = new Set<string>();
function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[admin] ${message}`);
}
