import type {
  IntrospectionField,
  IntrospectionInputValue,
  IntrospectionSchema,
  IntrospectionType,
  IntrospectionTypeRef,
} from "graphql";

/**
 * A read-only index over the server's introspected schema. The data provider declares each
 * variable with the type the server states and drops arguments and fields the server does not
 * have, so the admin keeps working while the API grows.
 */
export class SchemaIndex {
  private readonly types = new Map<string, IntrospectionType>();
  private readonly roots: Record<"query" | "mutation", Map<string, IntrospectionField>> = {
    query: new Map(),
    mutation: new Map(),
  };

  constructor(readonly schema: IntrospectionSchema) {
    for (const t of schema.types) this.types.set(t.name, t);
    const q = schema.queryType?.name;
    const m = schema.mutationType?.name;
    for (const t of schema.types) {
      if (t.kind !== "OBJECT") continue;
      if (t.name === q) for (const f of t.fields) this.roots.query.set(f.name, f);
      if (t.name === m) for (const f of t.fields) this.roots.mutation.set(f.name, f);
    }
  }

  root(kind: "query" | "mutation", name: string): IntrospectionField | undefined {
    return this.roots[kind].get(name);
  }

  has(kind: "query" | "mutation", name: string): boolean {
    return this.roots[kind].has(name);
  }

  type(name: string): IntrospectionType | undefined {
    return this.types.get(name);
  }

  /** Fields of an object or interface type, by name. */
  fields(typeName: string): Map<string, IntrospectionField> {
    const t = this.types.get(typeName);
    const map = new Map<string, IntrospectionField>();
    if (t && (t.kind === "OBJECT" || t.kind === "INTERFACE")) for (const f of t.fields) map.set(f.name, f);
    return map;
  }

  /** Fields of an input object type, by name. */
  inputFields(typeName: string): Map<string, IntrospectionInputValue> {
    const t = this.types.get(typeName);
    const map = new Map<string, IntrospectionInputValue>();
    if (t && t.kind === "INPUT_OBJECT") for (const f of t.inputFields) map.set(f.name, f);
    return map;
  }

  enumValues(typeName: string): string[] {
    const t = this.types.get(typeName);
    return t && t.kind === "ENUM" ? t.enumValues.map((v) => v.name) : [];
  }

  isLeaf(ref: IntrospectionTypeRef): boolean {
    const kind = this.types.get(namedType(ref))?.kind;
    return kind === "SCALAR" || kind === "ENUM";
  }
}

/** The named type under NON_NULL and LIST wrappers. */
export function namedType(ref: IntrospectionTypeRef): string {
  let r: IntrospectionTypeRef = ref;
  while (r.kind === "NON_NULL" || r.kind === "LIST") r = r.ofType;
  return r.name;
}

export function isListType(ref: IntrospectionTypeRef): boolean {
  let r: IntrospectionTypeRef = ref;
  while (r.kind === "NON_NULL") r = r.ofType;
  return r.kind === "LIST";
}

/** The type as written in a variable declaration, e.g. `[ID!]!`. */
export function typeString(ref: IntrospectionTypeRef): string {
  if (ref.kind === "NON_NULL") return `${typeString(ref.ofType)}!`;
  if (ref.kind === "LIST") return `[${typeString(ref.ofType)}]`;
  return ref.name;
}

export function isRequired(ref: IntrospectionTypeRef): boolean {
  return ref.kind === "NON_NULL";
}
