import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { buildDirectorySchema } from "../../server/src/composition/schema";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

/** Strings an attacker or a broken client sends. */
const HOSTILE_STRINGS = [
  "",
  " ",
  "x".repeat(100_000),
  "\u0000\u0001\u0007\u001b[31m",
  "' OR 1=1 --",
  '"; DROP TABLE programs; --',
  "%_%\\",
  '"unterminated NEAR( foo* OR ) AND -bar ^ : {col}',
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ \u202e\u200b عربى 中文",
  "../../etc/passwd",
  "eyJvIjoiVElUTEUiLCJ2IjpbMV19",
  "<script>alert(1)</script>",
];
const HOSTILE_BY_SCALAR: Record<string, unknown[]> = {
  String: HOSTILE_STRINGS,
  // Past 32 bits: PostgreSQL refuses them in an integer comparison, so they must be refused first.
  ID: ["2147483648", "99999999999", "0", "-1", "1.5", "99999999999999999999999", "abc", "' OR 1=1", "", "1e3"],
  Int: [0, -1, 2147483647, -2147483648, 1e12, 1.5, "12"],
  Float: [-1e308, Number.MAX_VALUE, "NaN"],
  Boolean: ["yes", 0],
  DateTimeISO: ["not-a-date", "9999-99-99T99:99:99Z", "0000-01-01T00:00:00Z", ""],
  JSON: [{ a: { b: [1, "x"] } }, "x".repeat(10_000)],
};
const SANE_BY_SCALAR: Record<string, unknown> = {
  String: "x",
  ID: "1",
  Int: 1,
  Float: 1,
  Boolean: true,
  DateTimeISO: "2020-01-01T00:00:00.000Z",
  JSON: {},
};
const KNOWN_CODES = new Set([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "GRAPHQL_VALIDATION_FAILED",
]);

/** A plausible value of a type, for the arguments not under attack. */
function sane(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sane(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = sane(f.type);
    return out;
  }
  return SANE_BY_SCALAR[type.name] ?? "x";
}

/** Hostile values of a type: wrong types, extremes, garbage, and hostile members of lists and inputs. */
function hostile(type: GraphQLInputType, depth = 0): unknown[] {
  if (isNonNullType(type)) return [null, ...hostile(type.ofType, depth)];
  if (isListType(type)) {
    const inner = hostile(type.ofType as GraphQLInputType, depth + 1).slice(0, 4);
    return [[], Array.from({ length: 5000 }, () => sane(type.ofType as GraphQLInputType)), ...inner.map((v) => [v])];
  }
  if (isEnumType(type)) return ["NOT_A_VALUE", 7];
  if (isInputObjectType(type)) {
    if (depth > 1) return [{}];
    const base = sane(type) as Record<string, unknown>;
    const out: unknown[] = [{}, { ...base, unknownField: 1 }, "not an object"];
    for (const f of Object.values(type.getFields())) {
      for (const v of hostile(f.type, depth + 1).slice(0, 3)) out.push({ ...base, [f.name]: v });
    }
    return out;
  }
  if (isScalarType(type)) return HOSTILE_BY_SCALAR[type.name] ?? HOSTILE_STRINGS.slice(0, 4);
  return [];
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) ? "{ __typename }" : "";
}

function cases(schema: GraphQLSchema, kind: "query" | "mutation") {
  const root = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
  const out: { name: string; doc: string; variables: Record<string, unknown> }[] = [];
  for (const field of Object.values(root.getFields())) {
    const args = field.args as readonly GraphQLArgument[];
    const defs = args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(", ");
    const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
    const doc = `${kind} Op${defs ? `(${defs})` : ""} { ${field.name}${call ? `(${call})` : ""} ${selection(field)} }`;
    const base = Object.fromEntries(args.map((a) => [a.name, sane(a.type)]));
    for (const arg of args) {
      for (const value of hostile(arg.type))
        out.push({ name: `${field.name}(${arg.name})`, doc, variables: { ...base, [arg.name]: value } });
    }
  }
  return out;
}

const server = useTestServer();
let admin: Curator;
beforeAll(async () => {
  await seedSampleDirectory(server.ds);
  admin = await factories(server.ds).curator({ role: CuratorRole.ADMIN });
});

/** Rows and versions of every table: equal fingerprints mean nothing was written. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const m of server.ds.entityMetadatas) {
    // A refused sign-in is still an attempt: login_attempts counts it on purpose.
    if (m.tableName === "curator_sessions" || m.tableName === "audit_entries" || m.tableName === "login_attempts")
      continue;
    const hasVersion = m.columns.some((c) => c.propertyName === "version");
    const [row] = await server.ds.query(
      `SELECT COUNT(*) AS n${hasVersion ? `, SUM("version") AS v` : ""} FROM "${m.tableName}"`,
    );
    parts.push(`${m.tableName}:${row.n}:${row.v ?? ""}`);
  }
  return parts.join("|");
}

describe.each(["query", "mutation"] as const)("hostile arguments to every %s", (kind) => {
  it("never cause an internal error: each refusal is a typed client error, and refused writes change nothing", async () => {
    const schema = await buildDirectorySchema();
    const all = cases(schema, kind);
    expect(all.length).toBeGreaterThan(kind === "query" ? 100 : 300);
    const problems: string[] = [];
    const summary: Record<string, number> = {};
    for (const [i, c] of all.entries()) {
      const as = i % 2 === 0 ? admin : null; // signed in (reaches the resolvers) and anonymous
      const before = kind === "mutation" ? await fingerprint() : "";
      const response = await server.apollo.executeOperation(
        { query: c.doc, variables: c.variables },
        { contextValue: (await import("../../server/src/composition/context")).createContext(server.deps, as) },
      );
      const status = response.http.status ?? 200;
      const body =
        response.body.kind === "single" ? response.body.singleResult : { errors: undefined, data: undefined };
      const errors = body.errors ?? [];
      for (const e of errors.length ? errors : [{ extensions: { code: "OK" } }])
        summary[String(e.extensions?.code)] = (summary[String(e.extensions?.code)] ?? 0) + 1;
      if (status >= 500) problems.push(`${c.name}: HTTP ${status}`);
      for (const e of errors) {
        const code = String(e.extensions?.code);
        if (!KNOWN_CODES.has(code))
          problems.push(`${c.name} ${JSON.stringify(c.variables).slice(0, 120)}: ${code} ${e.message.slice(0, 200)}`);
        if (/SELECT|INSERT|UPDATE |sqlite|postgres|\/work\/|\.ts:\d/i.test(e.message))
          problems.push(`${c.name}: leaks ${e.message.slice(0, 200)}`);
      }
      if (kind === "mutation" && errors.length > 0 && !body.data) {
        const after = await fingerprint();
        if (after !== before) problems.push(`${c.name}: refused but the database changed`);
      }
    }
    if (process.env.HOSTILE_SUMMARY) console.log(kind, all.length, JSON.stringify(summary));
    expect(problems).toEqual([]);
  });
});

describe("a variable with more invalid values than graphql-js reports", () => {
  it("is refused as BAD_USER_INPUT, every listed problem included, not as an internal error", async () => {
    const result = await server.exec(
      `query($t: [ProgramType!]) { programs(first: 1, filter: { type: $t }) { totalCount } }`,
      { t: Array.from({ length: 60 }, () => "NOT_A_TYPE") },
    );
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).toHaveLength(51);
    expect(new Set(codes)).toEqual(new Set(["BAD_USER_INPUT"]));
    expect(result.errors?.at(-1)?.message).toMatch(/Too many invalid variable values/);
  });
});
